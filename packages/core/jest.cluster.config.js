// `npm run test:cluster` (scripts/test-cluster.sh): core's invitation and write-back use cases on
// a Redis Cluster.
module.exports = {
  ...require('./jest.config.js'),
  testMatch: [
    '<rootDir>/src/invitations/**/*.int.test.ts',
    '<rootDir>/src/writeback/**/*.int.test.ts',
    '<rootDir>/src/lever-writes/**/*.int.test.ts',
  ],
}
