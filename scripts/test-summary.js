// Adds up the jest results every package wrote (jest --json --outputFile) and prints one
// closing line, "N passed, N failed", after `turbo run test`.
const fs = require('node:fs')
const path = require('node:path')

const root = path.resolve(__dirname, '..')
let passed = 0
let failed = 0
let skipped = 0
for (const group of ['apps', 'packages']) {
  for (const name of fs.readdirSync(path.join(root, group))) {
    const file = path.join(root, group, name, '.jest-results.json')
    if (!fs.existsSync(file)) continue
    const result = JSON.parse(fs.readFileSync(file, 'utf8'))
    passed += result.numPassedTests
    failed += result.numFailedTests + result.numRuntimeErrorTestSuites
    skipped += result.numPendingTests + result.numTodoTests
  }
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 ? 1 : 0)
