import http from 'http';
import https from 'https';
import { KubernetesConnection } from '../../config/types';
import { createKubeConfig } from './createKubeConfig';

/**
 * Idle pooled sockets close after this, well before the idle timeouts of API
 * servers and the load balancers in front of them (an AWS NLB's is 350 s), so
 * a read never picks a socket the far end has already dropped.
 */
const IDLE_SOCKET_MS = 60_000;

/**
 * The connection pool of one cluster client, shared by every page of every
 * list. client-node makes a new agent without keep-alive per request, so a
 * 100,000-pod list (~200 pages) paid ~200 TCP and TLS handshakes and could run
 * past the read timeout.
 *
 * TLS settings (CA, client certificate and key, skipTLSVerify) still come from
 * client-node's KubeConfig. The bearer token is not part of the pool: each
 * request sends the current one, so rotated token files are picked up.
 */
export async function createClusterAgent(
  environment: string,
  connection: KubernetesConnection,
): Promise<http.Agent> {
  const tls: https.RequestOptions = {};
  // Throws, like client-node, for http:// without skipTLSVerify.
  await createKubeConfig(
    environment,
    connection,
    undefined,
  ).applyToHTTPSOptions(tls);
  const pool = { keepAlive: true, timeout: IDLE_SOCKET_MS };
  if (new URL(connection.url).protocol === 'http:') {
    return new http.Agent(pool);
  }
  return new https.Agent({
    ...pool,
    ca: tls.ca,
    cert: tls.cert,
    key: tls.key,
    ...(tls.rejectUnauthorized !== undefined && {
      rejectUnauthorized: tls.rejectUnauthorized,
    }),
    ...(tls.servername && { servername: tls.servername }),
  });
}
