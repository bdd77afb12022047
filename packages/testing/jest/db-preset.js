// Jest preset for packages with integration tests on Postgres and Redis.
const path = require('node:path')

module.exports = {
  ...require('../../../jest.preset.js'),
  globalSetup: path.join(__dirname, 'global-setup.js'),
  globalTeardown: path.join(__dirname, 'global-teardown.js'),
}
