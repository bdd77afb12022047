// Shared jest settings: @swc/jest transpiles TypeScript (type checking is the `typecheck` task),
// and workspace packages resolve to their sources so tests never need a stale build.
const path = require('node:path')

const packagesDir = path.join(__dirname, 'packages')

module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  moduleNameMapper: { '^@baton/([a-z-]+)$': `${packagesDir}/$1/src/index.ts` },
  testTimeout: 30000,
}
