import { RequestValidationError } from '@simauth/http';
import { PG_TIMESTAMP, decodePageCursor, pageOf } from './page';

describe('admin pages', () => {
  const rows = [1, 2, 3].map((n) => ({ n, key: `k${n}` }));

  it('gives a full page and the cursor of its last row when one more row was fetched', () => {
    const page = pageOf(
      rows,
      2,
      (r) => [r.key, 'x'],
      (r) => ({ n: r.n }),
    );
    expect(page.items).toEqual([{ n: 1 }, { n: 2 }]);
    expect(Buffer.from(page.next_cursor!, 'base64url').toString()).toBe('k2|x');
  });

  it('gives no cursor on the last page', () => {
    expect(
      pageOf(
        rows,
        3,
        (r) => [r.key],
        (r) => r.n,
      ),
    ).toEqual({
      items: [1, 2, 3],
      next_cursor: null,
    });
  });

  it('reads back the cursors it gives, part by part', () => {
    const cursor = Buffer.from('2026-12-06 23:00:00.123456+00|42').toString('base64url');
    expect(decodePageCursor(cursor, [PG_TIMESTAMP, /^\d+$/])).toEqual([
      '2026-12-06 23:00:00.123456+00',
      '42',
    ]);
  });

  it('refuses a cursor it did not give, naming the cursor field', () => {
    const wrong = Buffer.from('yesterday|42').toString('base64url');
    expect(() => decodePageCursor(wrong, [PG_TIMESTAMP, /^\d+$/])).toThrow(RequestValidationError);
    expect(() => decodePageCursor('AAAA', [/^\d+$/, /^\d+$/])).toThrow(RequestValidationError);
  });
});
