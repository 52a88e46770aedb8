// The Socket.IO peer of the fan-out comparison (issue 7): every interval, io.emit of one ~120-byte message to all
// connected clients. WebSocket transport only (the load generator speaks Engine.IO v4 over WebSocket).
//   node server.js <port> [intervalMs]
const { Server } = require('socket.io');
const port = Number(process.argv[2] || 8093);
const interval = Number(process.argv[3] || 500);
const io = new Server(port, { transports: ['websocket'], perMessageDeflate: false, serveClient: false });
setInterval(() => io.emit('tick', { t: Date.now(), pad: 'x'.repeat(72) }), interval);
console.log(`socket.io broadcaster on ${port}, every ${interval} ms`);
