module.exports = { ...require('../../packages/testing/jest/db-preset.js') }
