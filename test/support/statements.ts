import { Client as PgClient } from 'pg';

/**
 * Records the text of each statement this process sends to Postgres that `keep` accepts (values
 * aside), in order, until `stop()`, which gives pg's own `query` back.
 */
export function recordStatements(keep: (text: string) => boolean): {
  statements: string[];
  stop(): void;
} {
  const query = PgClient.prototype.query;
  const statements: string[] = [];
  const spy = jest.spyOn(PgClient.prototype, 'query').mockImplementation(function (
    this: PgClient,
    ...args: unknown[]
  ) {
    const [sql] = args as [string | { text: string }];
    const text = typeof sql === 'string' ? sql : sql.text;
    if (keep(text)) statements.push(text);
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as never);
  return { statements, stop: () => spy.mockRestore() };
}

/** A statement's text on one line, for comparing and printing. */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
