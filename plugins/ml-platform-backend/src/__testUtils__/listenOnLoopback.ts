import http from 'http';
import https from 'https';
import { AddressInfo } from 'net';

/**
 * Starts a test server on a free loopback port. `close` also ends the
 * keep-alive connections the clients under test hold, so it never waits.
 */
export async function listenOnLoopback(server: http.Server | https.Server) {
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const scheme = server instanceof https.Server ? 'https' : 'http';
  return {
    origin: `${scheme}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>(r => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
