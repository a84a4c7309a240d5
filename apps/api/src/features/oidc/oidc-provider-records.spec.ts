import type { AdapterPayload } from 'oidc-provider';
import { asFound, lookupKeysOf } from './oidc-provider-records';

describe("oidc-provider's records", () => {
  it('takes the lookup keys the adapter stores from a payload, null when absent', () => {
    expect(lookupKeysOf({ grantId: 'g', uid: 'u', userCode: 'c' } as AdapterPayload)).toEqual({
      grantId: 'g',
      uid: 'u',
      userCode: 'c',
    });
    expect(lookupKeysOf({} as AdapterPayload)).toEqual({
      grantId: null,
      uid: null,
      userCode: null,
    });
  });

  it('marks a consumed payload with when it was consumed, in epoch seconds', () => {
    const payload = { jti: 'a' } as AdapterPayload;
    expect(asFound(payload, null)).toBe(payload);
    expect(asFound(payload, new Date('2026-12-06T00:00:01.900Z'))).toEqual({
      jti: 'a',
      consumed: Date.UTC(2026, 11, 6, 0, 0, 1) / 1000,
    });
  });
});
