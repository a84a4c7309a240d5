const handedOut = new Map<string, number>();

/**
 * A client address in the /24 `network` (its first three octets) that no other request of this
 * test process was given: counted, not drawn, since two random draws could meet and one test's
 * spent budget would then answer another's request 429. Give each suite its own network: suites
 * run in other processes but share the database and its rate-limit counters.
 */
export function uniqueIp(network: string): string {
  const n = (handedOut.get(network) ?? 0) + 1;
  if (n > 254) throw new Error(`no address left in ${network}.0/24`);
  handedOut.set(network, n);
  return `${network}.${n}`;
}
