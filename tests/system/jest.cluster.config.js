// `npm run test:cluster` (scripts/test-cluster.sh): on a Redis Cluster, the cluster suite and the
// invitation and write-back integration tests.
module.exports = {
  ...require('./jest.config.js'),
  testMatch: [
    '<rootDir>/src/cluster/**/*.cluster-test.ts',
    '<rootDir>/src/e2e/invitations.int.test.ts',
    '<rootDir>/src/e2e/writeback.int.test.ts',
    '<rootDir>/src/e2e/ambiguous-writes.int.test.ts',
  ],
}
