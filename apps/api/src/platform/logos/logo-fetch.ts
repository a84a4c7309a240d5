import { createHash } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { Agent, request } from 'undici';
import { PRIVATE_ADDRESS, isPrivateLiteral, publicOnlyAgent } from '../webhooks/webhook-addresses';
import { LOGO_TYPES, LogoType, logoTypeOf, sniffLogoType } from './logo-image';

/** The largest logo taken: a header logo is a few KB; a bank's needs no setting to go past this. */
export const LOGO_MAX_BYTES = 256 * 1024;
/** How long one fetch may take, redirects and body included. */
const LOGO_TIMEOUT_MS = 5000;
/** Redirects followed, within the logo's own origin only. */
const MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A logo refused, and why (said in the log; the page then shows the name alone). */
export class LogoRefusedError extends Error {}

export interface FetchedLogo {
  type: LogoType;
  bytes: Buffer;
  /** Hex SHA-256 of the bytes: the name the logo is served under. */
  sha256: string;
}

/**
 * Fetches logos server side, so the browser never asks a third party for one (which would tell
 * it who signs in, and when). Only what may be served as simauth's own is taken: an https answer
 * 200 from the URL's own origin (redirects elsewhere refused), at most LOGO_MAX_BYTES, of a
 * raster type of the allow-list whose bytes' magic number says the same type, within
 * LOGO_TIMEOUT_MS. Unless LOGO_ALLOW_PRIVATE_URLS, the host must be, and resolve to, a public
 * address (the webhooks' guard, which also defeats DNS rebinding by connecting to the very
 * address it checked).
 */
export class LogoFetcher {
  private readonly agent: Agent;

  constructor(private readonly opts: { allowPrivateUrls: boolean; extraCa?: string }) {
    // LOGO_CA_FILE adds to the system's authorities; it never replaces them.
    const connect: Agent.Options['connect'] = opts.extraCa
      ? { ca: [...rootCertificates, opts.extraCa] }
      : {};
    this.agent = opts.allowPrivateUrls ? new Agent({ connect }) : publicOnlyAgent({ connect });
  }

  async fetch(source: string): Promise<FetchedLogo> {
    const signal = AbortSignal.timeout(LOGO_TIMEOUT_MS);
    const origin = new URL(source).origin;
    let url = new URL(source);
    for (let redirects = 0; ; redirects++) {
      if (url.protocol !== 'https:') throw new LogoRefusedError('is not https');
      if (!this.opts.allowPrivateUrls && isPrivateLiteral(url.href))
        throw new LogoRefusedError('is on a private or loopback address');
      const answer = await this.get(url, signal);
      if (REDIRECTS.has(answer.statusCode)) {
        await answer.body.dump();
        const location = answer.headers.location;
        const next = typeof location === 'string' ? new URL(location, url) : undefined;
        if (!next || next.origin !== origin)
          throw new LogoRefusedError('redirects to another host');
        if (redirects === MAX_REDIRECTS) throw new LogoRefusedError('redirects too often');
        url = next;
        continue;
      }
      if (answer.statusCode !== 200) {
        await answer.body.dump();
        throw new LogoRefusedError(`answered ${answer.statusCode}`);
      }
      const header = answer.headers['content-type'];
      const type = logoTypeOf(typeof header === 'string' ? header : undefined);
      if (!type) {
        await answer.body.dump();
        throw new LogoRefusedError(`is not ${Object.keys(LOGO_TYPES).join(', ')}`);
      }
      const bytes = await readCapped(answer, signal);
      if (sniffLogoType(bytes) !== type)
        throw new LogoRefusedError(`says ${type} but its bytes are not one`);
      return { type, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
    }
  }

  /** Ends the fetches under way (at shutdown). */
  async close(): Promise<void> {
    await this.agent.destroy();
  }

  private async get(url: URL, signal: AbortSignal) {
    try {
      return await request(url, {
        dispatcher: this.agent,
        signal,
        headers: { accept: Object.keys(LOGO_TYPES).join(', '), 'user-agent': 'simauth' },
      });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === PRIVATE_ADDRESS)
        throw new LogoRefusedError('resolves to a private or loopback address');
      if (signal.aborted) throw new LogoRefusedError(`took over ${LOGO_TIMEOUT_MS} ms`);
      throw new LogoRefusedError(`cannot be reached (${code ?? (err as Error).message})`);
    }
  }
}

type Answer = Awaited<ReturnType<typeof request>>;

/** The body, refused as soon as it says or proves itself larger than LOGO_MAX_BYTES. */
async function readCapped(answer: Answer, signal: AbortSignal): Promise<Buffer> {
  const tooLarge = () => new LogoRefusedError(`is larger than ${LOGO_MAX_BYTES / 1024} KB`);
  if (Number(answer.headers['content-length'] ?? 0) > LOGO_MAX_BYTES) {
    answer.body.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of answer.body) {
      size += (chunk as Buffer).length;
      if (size > LOGO_MAX_BYTES) {
        answer.body.destroy();
        throw tooLarge();
      }
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    if (err instanceof LogoRefusedError) throw err;
    if (signal.aborted) throw new LogoRefusedError(`took over ${LOGO_TIMEOUT_MS} ms`);
    throw new LogoRefusedError(`broke off (${(err as Error).message})`);
  }
  return Buffer.concat(chunks);
}
