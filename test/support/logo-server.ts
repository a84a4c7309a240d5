import { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import { AddressInfo } from 'node:net';
import { crc32, deflateSync } from 'node:zlib';
import { loopbackCertificate } from './tls';

/** A PNG of `width` × `height` pixels of one colour, made here (no file in the repository). */
export function pngImage(width: number, height: number, [r, g, b]: number[]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(width).fill([r, g, b]).flat())]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array(height).fill(row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface LogoServer {
  /** https://127.0.0.1:<port> (its certificate also names localhost). */
  url: string;
  /** The PEM file of its self-signed certificate (for LOGO_CA_FILE). */
  certFile: string;
  /** Every request it got: its Host header and path. */
  requests: { host?: string; path?: string }[];
  close(): Promise<void>;
}

/** An https server on loopback with a certificate made for this run, answering by path. */
export async function startLogoServer(
  routes: Record<string, (req: IncomingMessage, res: ServerResponse, url: string) => void>,
): Promise<LogoServer> {
  const tls = loopbackCertificate();
  const requests: LogoServer['requests'] = [];
  let url = '';
  const server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    requests.push({ host: req.headers.host, path: req.url });
    const route = routes[(req.url ?? '').split('?')[0]];
    if (route) route(req, res, url);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    certFile: tls.certFile,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
