module.exports = { ...require('../testing/jest/db-preset.js') }
