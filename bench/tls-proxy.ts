/**
 * `node dist/bench/tls-proxy.js <port> <target port> <cert.pem> <key.pem>`: terminates TLS on
 * 127.0.0.1:<port> and passes each connection's bytes to 127.0.0.1:<target port>, as the
 * TLS-terminating proxy in front of a replica does. `npm run bench` measures the token endpoints
 * through it, since Keycloak's sizing figures include TLS. Prints "tls-proxy on <port>".
 */
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { createServer } from 'node:tls';

const [port, target, cert, key] = process.argv.slice(2);
const server = createServer(
  { cert: readFileSync(cert), key: readFileSync(key), minVersion: 'TLSv1.2' },
  (client) => {
    const upstream = connect(Number(target), '127.0.0.1');
    upstream.setNoDelay(true);
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close);
    upstream.on('error', close);
    client.on('close', close);
    upstream.on('close', close);
  },
);
server.listen(Number(port), '127.0.0.1', () => console.log(`tls-proxy on ${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
