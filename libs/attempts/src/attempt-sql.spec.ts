import { TRANSITION_SQL, webhookTargetsSql } from './attempt-sql';

/** The SQL without its comments, one space for any run of whitespace. */
const normalised = (sql: string) =>
  sql
    .replace(/--[^\n]*/g, '')
    .replace(/\s+/g, ' ')
    .trim();

describe('outbox statements', () => {
  it("send a move's events and an operator action's to the same endpoints", () => {
    expect(normalised(TRANSITION_SQL)).toContain(normalised(webhookTargetsSql('$16', '$17')));
  });
});
