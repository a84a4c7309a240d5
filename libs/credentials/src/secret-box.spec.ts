import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  it('reads back what it sealed, and the sealed bytes do not contain it', () => {
    const box = new SecretBox(randomBytes(32));
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    expect(sealed.toString('latin1')).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses a tampered box and a wrong key', () => {
    const box = new SecretBox(randomBytes(32));
    const sealed = box.seal('secret');
    sealed[sealed.length - 1] ^= 1;
    expect(() => box.open(sealed)).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(box.seal('secret'))).toThrow();
  });
});
