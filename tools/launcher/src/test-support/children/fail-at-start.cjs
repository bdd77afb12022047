// A child that fails as a misconfigured process does: some output, then exit code 1 after the
// delay given as its argument.
console.log(`pid ${process.pid}`)
setTimeout(() => {
  console.error('Invalid configuration:\n  SOME_VARIABLE: is required')
  process.exit(1)
}, Number(process.argv[2]))
