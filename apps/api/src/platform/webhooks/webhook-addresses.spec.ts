import { Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import {
  PRIVATE_ADDRESS,
  isPrivateLiteral,
  isPublicAddress,
  publicOnlyAgent,
} from './webhook-addresses';

describe('webhook delivery addresses', () => {
  it('takes only global unicast addresses as public, whatever the IPv4 or IPv6 form', () => {
    for (const address of ['93.184.215.14', '8.8.8.8', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'])
      expect([address, isPublicAddress(address)]).toEqual([address, true]);
    for (const address of [
      '127.0.0.1',
      '169.254.169.254',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.0.1',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fd12:3456::1',
      '::ffff:127.0.0.1',
      '::ffff:a9fe:a9fe',
      '64:ff9b::a00:1',
      '2002:7f00:1::',
      // IPv4-compatible (deprecated), site-local, local-use NAT64, discard-only.
      '::7f00:1',
      'fec0::1',
      '64:ff9b:1::a00:1',
      '100::1',
      'not-an-address',
    ])
      expect([address, isPublicAddress(address)]).toEqual([address, false]);
  });

  it('refuses an IP-literal URL on a private address before connecting, and lets a name through to the lookup', () => {
    expect(isPrivateLiteral('http://127.0.0.1:9/hooks')).toBe(true);
    expect(isPrivateLiteral('http://[::ffff:7f00:1]/hooks')).toBe(true);
    expect(isPrivateLiteral('https://93.184.215.14/hooks')).toBe(false);
    expect(isPrivateLiteral('https://hooks.example.com/hooks')).toBe(false);
  });

  describe('the public-only agent (checked at connection time, against DNS rebinding)', () => {
    let server: Server;
    let port: number;
    beforeAll(async () => {
      server = createServer((_req, res) => res.end('reached'));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    it('does not connect to a name that resolves to loopback, which a plain agent reaches', async () => {
      const plain = new Agent();
      const guarded = publicOnlyAgent({});
      try {
        const reached = await request(`http://localhost:${port}/`, { dispatcher: plain });
        expect(await reached.body.text()).toBe('reached');
        await expect(
          request(`http://localhost:${port}/`, { dispatcher: guarded }),
        ).rejects.toMatchObject({ code: PRIVATE_ADDRESS });
      } finally {
        await Promise.all([plain.close(), guarded.close()]);
      }
    });
  });
});
