// Adds up the jest results every package wrote (jest --json --outputFile) and prints one
// closing line, "N passed, N failed", after `turbo run test`. A package whose suite did not
// produce results (it crashed, or found no tests) counts as a failure and is named.
const fs = require('node:fs')
const path = require('node:path')

const root = path.resolve(__dirname, '..')
let passed = 0
let failed = 0
let skipped = 0
const missing = []
for (const group of ['apps', 'packages', 'sandboxes', 'tools', 'tests']) {
  if (!fs.existsSync(path.join(root, group))) continue
  for (const name of fs.readdirSync(path.join(root, group))) {
    const pkgFile = path.join(root, group, name, 'package.json')
    if (!fs.existsSync(pkgFile) || !JSON.parse(fs.readFileSync(pkgFile, 'utf8')).scripts?.test) continue
    const file = path.join(root, group, name, '.jest-results.json')
    if (!fs.existsSync(file)) {
      missing.push(`${group}/${name}`)
      failed += 1
      continue
    }
    const result = JSON.parse(fs.readFileSync(file, 'utf8'))
    passed += result.numPassedTests
    failed += result.numFailedTests + result.numRuntimeErrorTestSuites
    skipped += result.numPendingTests + result.numTodoTests
  }
}
if (missing.length > 0) console.log(`\nNo test results from: ${missing.join(', ')}`)
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 ? 1 : 0)
