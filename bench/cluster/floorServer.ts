import http from 'http';
import { AddressInfo } from 'net';

// Child process: a bare node:http server that answers every request with the
// body it was given — what this machine can do for the same response with no
// framework at all. Only used as a yardstick for the warm latency figures.
process.once('message', (m: any) => {
  const body = Buffer.from(String(m.body));
  const server = http.createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': body.length,
    });
    res.end(body);
  });
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.send?.({ kind: 'result', url: `http://127.0.0.1:${port}/` });
  });
});
