import { AccessTokenCache, FetchedToken } from './access-token-cache';
import { Clock } from './clock';

class FakeClock extends Clock {
  t = 1_000_000;
  now() {
    return this.t;
  }
}

function source(expiresInSeconds = 3600) {
  let n = 0;
  const calls: string[] = [];
  let release: () => void = () => undefined;
  let gate = Promise.resolve();
  return {
    calls,
    hold() {
      gate = new Promise((r) => (release = r));
    },
    release: () => release(),
    fetch: async (scope: string): Promise<FetchedToken> => {
      calls.push(scope);
      await gate;
      return { accessToken: `${scope}-${++n}`, expiresInSeconds };
    },
  };
}

describe('AccessTokenCache', () => {
  it('shares one request among concurrent callers of a scope', async () => {
    const s = source();
    const cache = new AccessTokenCache(s.fetch, new FakeClock());
    s.hold();
    const tokens = Promise.all(Array.from({ length: 10 }, () => cache.get('phone_check')));
    s.release();
    expect(new Set(await tokens)).toEqual(new Set(['phone_check-1']));
    expect(s.calls).toEqual(['phone_check']);
  });

  it('caches per scope', async () => {
    const s = source();
    const cache = new AccessTokenCache(s.fetch, new FakeClock());
    expect(await cache.get('phone_check')).toBe('phone_check-1');
    expect(await cache.get('coverage')).toBe('coverage-2');
    expect(await cache.get('phone_check')).toBe('phone_check-1');
    expect(s.calls).toEqual(['phone_check', 'coverage']);
  });

  it('refreshes before the token expires, not after', async () => {
    const s = source(3600);
    const clock = new FakeClock();
    const cache = new AccessTokenCache(s.fetch, clock);
    await cache.get('phone_check');
    clock.t += 3239 * 1000; // just short of 90% of its life
    expect(await cache.get('phone_check')).toBe('phone_check-1');
    clock.t += 2 * 1000; // past 90%: due for renewal, 6 minutes before it would expire
    expect(await cache.get('phone_check')).toBe('phone_check-2');
    clock.t += 1000;
    expect(await cache.get('phone_check')).toBe('phone_check-2');
    expect(s.calls).toHaveLength(2);
  });

  it('keeps a token for most of its life', async () => {
    const s = source(3600);
    const clock = new FakeClock();
    const cache = new AccessTokenCache(s.fetch, clock);
    await cache.get('phone_check');
    clock.t += 3000 * 1000;
    expect(await cache.get('phone_check')).toBe('phone_check-1');
    expect(s.calls).toHaveLength(1);
  });

  it('drops an invalidated token but not a newer one', async () => {
    const s = source();
    const cache = new AccessTokenCache(s.fetch, new FakeClock());
    const first = await cache.get('phone_check');
    cache.invalidate('phone_check', first);
    const second = await cache.get('phone_check');
    expect(second).toBe('phone_check-2');
    cache.invalidate('phone_check', first);
    expect(await cache.get('phone_check')).toBe(second);
  });

  it('does not cache a failed request', async () => {
    let fail = true;
    const cache = new AccessTokenCache(async (scope) => {
      if (fail) throw new Error('down');
      return { accessToken: `${scope}-ok`, expiresInSeconds: 60 };
    }, new FakeClock());
    await expect(cache.get('phone_check')).rejects.toThrow('down');
    fail = false;
    expect(await cache.get('phone_check')).toBe('phone_check-ok');
  });
});
