// A child that listens on the port given as its argument and answers 200 until it is stopped.
const { createServer } = require('node:http')

console.log(`pid ${process.pid}`)
const port = Number(process.argv[2])
createServer((_req, res) => res.end('ok')).listen(port, '127.0.0.1')
