import { LookupAddress, LookupOptions, lookup } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent } from 'undici';

/** The error of a delivery refused because its host is, or resolves to, a non-public address. */
export const PRIVATE_ADDRESS = 'ERR_WEBHOOK_PRIVATE_ADDRESS';

/** 2000::/3, where every global unicast IPv6 address lies. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/**
 * Whether `address` (an IP literal) is a public unicast address as ipaddr.js classes them: not
 * loopback, link-local, private, unique-local, carrier-grade NAT, unspecified, multicast or
 * reserved, nor an IPv6 form that reaches one (IPv4-mapped, NAT64, 6to4, Teredo).
 */
export function isPublicAddress(address: string): boolean {
  if (!isIP(address)) return false;
  // process() turns an IPv4-mapped IPv6 address (::ffff:127.0.0.1) into the IPv4 one it carries.
  const parsed = ipaddr.process(address);
  if (parsed.range() !== 'unicast') return false;
  // IPv6 "unicast" still covers forms outside the global unicast block (IPv4-compatible ::7f00:1).
  return parsed.kind() === 'ipv4' || parsed.match(GLOBAL_UNICAST_V6);
}

/** The host of a URL as an IP literal, without IPv6 brackets; undefined for a name. */
function literalHost(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return isIP(host) ? host : undefined;
}

/**
 * What is wrong with an endpoint URL registered through the admin API, if anything: in production,
 * anything but https; unless private URLs are allowed, a host that is, or resolves to, a
 * non-public address. (The WHATWG URL parser has already turned 0x7f000001, 2130706433 and
 * 0177.0.0.1 into 127.0.0.1.) A name that does not resolve is refused too: it could not be
 * delivered to, and the check would mean nothing.
 */
export async function endpointUrlProblem(
  text: string,
  opts: { requireHttps: boolean; allowPrivate: boolean },
): Promise<string | undefined> {
  const url = new URL(text);
  if (opts.requireHttps && url.protocol !== 'https:') return 'must be an https URL in production';
  if (opts.allowPrivate) return undefined;
  const literal = literalHost(url);
  let addresses: string[];
  if (literal) {
    addresses = [literal];
  } else {
    try {
      addresses = (await resolveAll(url.hostname)).map((a) => a.address);
    } catch {
      return 'has a host name that does not resolve';
    }
  }
  if (addresses.some((a) => !isPublicAddress(a)))
    return 'must not point at a loopback, link-local or private address (WEBHOOK_ALLOW_PRIVATE_URLS)';
  return undefined;
}

function resolveAll(hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) =>
    lookup(hostname, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))),
  );
}

/** Whether a delivery to `url` must be refused before connecting: its host is a non-public IP literal. */
export function isPrivateLiteral(url: string): boolean {
  const literal = literalHost(new URL(url));
  return literal !== undefined && !isPublicAddress(literal);
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A dns.lookup for net.connect that resolves once and fails when any address is not public, so
 * the socket connects to the very address that was checked (a name that answers a public address
 * to a check and a private one to the connection, DNS rebinding, gets nowhere).
 */
function publicOnlyLookup(
  hostname: string,
  options: LookupOptions,
  callback: LookupCallback,
): void {
  lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused || addresses.length === 0) {
      const error: NodeJS.ErrnoException = new Error(
        `${hostname} resolves to a non-public address`,
      );
      error.code = PRIVATE_ADDRESS;
      return callback(error, []);
    }
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  });
}

/**
 * An undici Agent that connects only to public addresses: for endpoints registered through the
 * admin API, and for logos (platform/logos).
 */
export function publicOnlyAgent(options: Agent.Options): Agent {
  return new Agent({ ...options, connect: { ...options.connect, lookup: publicOnlyLookup } });
}
