// A child that runs but never listens, as a process stuck at start.
console.log(`pid ${process.pid}`)
setInterval(() => undefined, 60_000)
