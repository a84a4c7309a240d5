import Keygrip from 'keygrip';
import { CookieKeys } from './cookie-keys';

// Keygrip is what Koa's cookies used before (and what a replica of an earlier release still uses
// during a rolling upgrade): cookies signed by either must verify with the other.
describe("the OpenID Provider's signed-cookie keys", () => {
  const secrets = ['a-cookie-key-that-is-long-enough-0123456789', 'an-older-key-0123456789'];
  const data = '_session=Vh2bR3bM6a8mKqk0Z1r4x; path=/; httponly';

  it("signs as Keygrip's defaults do, so cookies of earlier replicas still verify", () => {
    const ours = new CookieKeys(secrets);
    const keygrip = new Keygrip(secrets);
    for (const value of [data, '', 'é unicode ✓', 'x'.repeat(500)]) {
      expect(ours.sign(value)).toBe(keygrip.sign(value));
      expect(ours.index(value, keygrip.sign(value))).toBe(0);
      expect(keygrip.index(value, ours.sign(value))).toBe(0);
    }
  });

  it('verifies with any of its keys, the first one signing, and says which', () => {
    const ours = new CookieKeys(secrets);
    const older = new Keygrip([secrets[1]]);
    expect(ours.index(data, older.sign(data))).toBe(1);
    expect(ours.verify(data, older.sign(data))).toBe(true);
    expect(new CookieKeys([secrets[1]]).verify(data, ours.sign(data))).toBe(false);
  });

  it('refuses a changed value, a changed or shortened signature, and an unknown key', () => {
    const ours = new CookieKeys(secrets);
    const signature = ours.sign(data);
    expect(ours.index(`${data}x`, signature)).toBe(-1);
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    expect(ours.index(data, flipped)).toBe(-1);
    expect(ours.index(data, signature.slice(0, -1))).toBe(-1);
    expect(ours.index(data, `${signature}=`)).toBe(-1);
    expect(ours.index(data, '')).toBe(-1);
    expect(ours.index(data, new Keygrip(['someone-else']).sign(data))).toBe(-1);
  });

  it('needs a key', () => {
    expect(() => new CookieKeys([])).toThrow(/at least one cookie key/);
  });
});
