/**
 * The reference echo server: the `ws` package (v8), as a Node.js user would write one, run by the
 * benchmark in a child process of its own (`node dist/scripts/bench/wsEchoServer.js PORT`). It
 * listens on loopback only, echoes every message as the same kind (text or binary), accepts
 * messages up to the interpreted server's limit (16 MiB), and prints the same banner as
 * samples/WebSocketEcho.fs so both are started the same way.
 */
import { WebSocketServer } from 'ws';

const port = Number(process.argv[2] ?? '0');
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  process.stderr.write('usage: wsEchoServer PORT\n');
  process.exit(2);
}

const server = new WebSocketServer({ host: '127.0.0.1', port, maxPayload: 16 * 1024 * 1024, perMessageDeflate: false });
server.on('connection', (socket) => {
  socket.on('message', (data, isBinary) => socket.send(data as Buffer, { binary: isBinary }));
  socket.on('error', () => socket.terminate());
});
server.on('listening', () => process.stdout.write(`Listening on ws://localhost:${port}\n`));
server.on('error', (error) => {
  process.stderr.write(`wsEchoServer: ${error.message}\n`);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
