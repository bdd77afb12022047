// Shared jest settings: @swc/jest transpiles TypeScript (type checking is the `typecheck` task),
// and workspace packages resolve to their sources so tests never need a stale build.
const path = require('node:path')

const packagesDir = path.join(__dirname, 'packages')
const appsDir = path.join(__dirname, 'apps')
const sandboxesDir = path.join(__dirname, 'sandboxes')
const systemTestsDir = path.join(__dirname, 'tests', 'system')

module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  // Apps first: some (the sandboxes, the ingress) are test peers of other packages.
  moduleNameMapper: {
    '^@baton/system-tests$': `${systemTestsDir}/src/index.ts`,
    '^@baton/(lever-sandbox|platform-sandbox)$': `${sandboxesDir}/$1/src/index.ts`,
    '^@baton/(ingress|workers|console)$': `${appsDir}/$1/src/index.ts`,
    // The testing package's second entry point (see its browser.ts).
    '^@baton/testing/browser$': `${packagesDir}/testing/src/browser.ts`,
    '^@baton/([a-z-]+)$': `${packagesDir}/$1/src/index.ts`,
  },
  testTimeout: 30000,
}
