import { RequestValidationError } from '@simauth/http';
import { Page } from './dto/admin.dto';

/** A timestamptz as Postgres writes it as text (UTC sessions). */
export const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

/**
 * The page of `rows` (fetched one over `limit`), each shown as `item`, and the cursor to the
 * next page (the `key` of its last row), if there is one.
 */
export function pageOf<T, I>(
  rows: T[],
  limit: number,
  key: (row: T) => string[],
  item: (row: T) => I,
): Page<I> {
  const items = rows.slice(0, limit);
  const next =
    rows.length > limit
      ? Buffer.from(key(items[items.length - 1]).join('|')).toString('base64url')
      : null;
  return { items: items.map(item), next_cursor: next };
}

/** The parts of a `next_cursor`, each matching its pattern, or a 400 naming `cursor`. */
export function decodePageCursor(cursor: string, parts: RegExp[]): string[] {
  const values = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (values.length !== parts.length || values.some((v, i) => !parts[i].test(v)))
    throw new RequestValidationError([
      { field: 'cursor', message: 'must be a next_cursor from an earlier page' },
    ]);
  return values;
}
