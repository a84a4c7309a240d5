import { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import { AddressInfo } from 'node:net';
import { crc32, deflateSync } from 'node:zlib';
import { loopbackCertificate } from './tls';

/** A PNG of `width` × `height` pixels, each `[r, g, b, a]` as `pixel(x, y)` says (8-bit RGBA). */
export function pngDrawn(
  width: number,
  height: number,
  pixel: (x: number, y: number) => number[],
): Buffer {
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
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Array.from({ length: height }, (_, y) =>
    Buffer.from([0, ...Array.from({ length: width }, (_, x) => pixel(x, y)).flat()]),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A PNG of `width` × `height` pixels of one colour, made here (no file in the repository). */
export function pngImage(width: number, height: number, [r, g, b]: number[]): Buffer {
  return pngDrawn(width, height, () => [r, g, b, 255]);
}

/**
 * A bank's logo as the docs' screenshots show it: a columned building (pediment with a coin,
 * four columns, a base) in `color` on a transparent ground, `size` pixels square, its edges
 * smoothed (each pixel's cover sampled 4 × 4).
 */
export function bankLogo(size: number, [r, g, b]: number[]): Buffer {
  const inside = (u: number, v: number) => {
    const roof = v >= 0.08 && v <= 0.34 && Math.abs(u - 0.5) <= ((v - 0.08) / 0.26) * 0.44;
    const coin = Math.hypot(u - 0.5, v - 0.25) <= 0.055;
    const beam = u >= 0.1 && u <= 0.9 && v >= 0.38 && v <= 0.44;
    const column =
      v >= 0.48 && v <= 0.8 && [0.2, 0.4, 0.6, 0.8].some((c) => Math.abs(u - c) <= 0.055);
    const base = u >= 0.06 && u <= 0.94 && v >= 0.84 && v <= 0.92;
    return (roof && !coin) || beam || column || base;
  };
  return pngDrawn(size, size, (x, y) => {
    let cover = 0;
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++)
        if (inside((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size)) cover++;
    return [r, g, b, Math.round((cover / 16) * 255)];
  });
}

export interface LogoServer {
  /** https://127.0.0.1:<port> (its certificate also names localhost). */
  url: string;
  /** The PEM file of its self-signed certificate (for LOGO_CA_FILE). */
  certFile: string;
  /** Every request it got: its Host header and path. */
  requests: { host?: string; path?: string }[];
  /** Stops the server and removes its certificate's folder. */
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
        server.close(() => {
          tls.remove();
          resolve();
        });
      }),
  };
}
