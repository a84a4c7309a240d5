import { maskPhoneNumber, maskPhoneNumbers } from './phone-number-mask';

describe('phone numbers in admin answers', () => {
  it('keeps the country code and the last two digits', () => {
    expect(maskPhoneNumber('+447700900001')).toBe('+44********01');
    expect(maskPhoneNumber('+14155550123')).toBe('+1********23');
  });

  it('masks every phone_number field at any depth, and nothing else', () => {
    const at = new Date('2026-12-01T00:00:00Z');
    expect(
      maskPhoneNumbers({
        user_id: 'u',
        phone_number: '+447700900001',
        created_at: at,
        items: [{ phone_number: '+447700900002', result: { phone_number: '+447700900003' } }],
        blocked_at: null,
        devices: [],
      }),
    ).toEqual({
      user_id: 'u',
      phone_number: '+44********01',
      created_at: at,
      items: [{ phone_number: '+44********02', result: { phone_number: '+44********03' } }],
      blocked_at: null,
      devices: [],
    });
    expect(maskPhoneNumbers({ phone_number: null })).toEqual({ phone_number: null });
    expect(maskPhoneNumbers(undefined)).toBeUndefined();
  });
});
