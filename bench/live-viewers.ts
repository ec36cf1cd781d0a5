/**
 * A child process of bench/live.ts: holds `count` viewers of an event's live feed as raw TCP sockets
 * (a browser tab each would do no less), and notes when each `question` frame arrives on each
 * socket, in epoch milliseconds (`performance.timeOrigin + performance.now()`, comparable
 * across processes). Several processes share the viewers so the client side is not one busy
 * thread whose own queue would be counted as the server's latency.
 *
 * Messages (IPC): in `{ url, path, count }` as the JSON argument; out `{ connected }` once every socket has
 * its 200, `{ question, complete }` when all of them have a question's frame, and on `report`
 * `{ arrivals: [questionId, at[]][] }`.
 */
import net from 'node:net';

const send = (m: unknown) => process.send!(m);
const { url, path, count } = JSON.parse(process.argv[2]!) as { url: string; path: string; count: number };
const { hostname, port } = new URL(url);
const request = `GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAccept: text/event-stream\r\n\r\n`;
const arrivals = new Map<number, number[]>();
const now = () => performance.timeOrigin + performance.now();

function onFrame(block: string, at: number): void {
  const start = block.indexOf('event: question\n');
  if (start < 0) return;
  const idAt = block.indexOf('"id":', start);
  const id = Number.parseInt(block.slice(idAt + 5, idAt + 20), 10);
  let list = arrivals.get(id);
  if (!list) arrivals.set(id, (list = []));
  list.push(at);
  if (list.length === count) send({ question: id, complete: true });
}

function connect(): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port), noDelay: true }, () => socket.write(request));
    socket.setEncoding('latin1'); // the ids and frame names are ASCII; no decoding cost
    let buffer = '';
    let open = false;
    socket.on('data', (chunk: string) => {
      const at = now();
      buffer += chunk;
      if (!open) {
        if (!buffer.startsWith('HTTP/1.1 200')) return reject(new Error(`live: ${buffer.slice(0, 40)}`));
        open = true;
        resolve(socket);
      }
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        onFrame(buffer.slice(0, cut), at);
        buffer = buffer.slice(cut + 2);
      }
    });
    socket.on('error', (err) => (open ? undefined : reject(err)));
  });
}

const sockets: net.Socket[] = [];
let next = 0;
// 25 connections at a time per process, as page loads arrive.
await Promise.all(
  Array.from({ length: 25 }, async () => {
    while (next++ < count) sockets.push(await connect());
  }),
);
send({ connected: sockets.length });
// The parent ends this process once it has the report.
process.on('message', (m: string) => {
  if (m !== 'report') return;
  for (const s of sockets) s.destroy();
  send({ arrivals: [...arrivals] });
});
