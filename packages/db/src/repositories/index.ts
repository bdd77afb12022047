export * from './tenants'
export * from './inbox'
