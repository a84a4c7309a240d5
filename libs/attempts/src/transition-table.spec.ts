import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AttemptKind, LoginStatus } from './attempt-kind';
import {
  TRANSITION_TABLES,
  TransitionTable,
  allowedSources,
  isFinal,
  movesBeforeDeadline,
  toMermaid,
} from './transition-table';

describe('transition tables', () => {
  it.each(Object.values(AttemptKind))('%s diagram in tables/ matches its table', (kind) => {
    const file = join(__dirname, 'tables', `${kind}.mermaid`);
    expect(readFileSync(file, 'utf8')).toBe(
      toMermaid(TRANSITION_TABLES[kind] as TransitionTable<string>),
    );
  });

  it.each(Object.values(AttemptKind))(
    '%s: final statuses have no way out, every other status can expire',
    (kind) => {
      const table = TRANSITION_TABLES[kind] as TransitionTable<string>;
      for (const move of table.moves) {
        for (const from of move.from) expect(table.final).not.toContain(from);
      }
      const live = new Set(table.moves.flatMap((m) => m.from));
      expect(allowedSources(kind, 'EXPIRED' as never, 'system').sort()).toEqual([...live].sort());
    },
  );

  it.each(Object.values(AttemptKind))(
    '%s: an interrupted step returns by a system move to a live status',
    (kind) => {
      const table = TRANSITION_TABLES[kind] as TransitionTable<string>;
      for (const [from, to] of Object.entries(table.interrupted ?? {})) {
        expect(allowedSources(kind, to as never, 'system')).toContain(from);
        expect(table.final).not.toContain(to);
      }
    },
  );

  it('lets only a device approve a login, and only while it is pending', () => {
    expect(allowedSources(AttemptKind.CompanionLogin, LoginStatus.Approved, 'device')).toEqual([
      'PENDING',
    ]);
    expect(allowedSources(AttemptKind.CompanionLogin, LoginStatus.Approved, 'web')).toEqual([]);
    expect(isFinal(AttemptKind.CompanionLogin, LoginStatus.MatchSuccess)).toBe(true);
    expect(isFinal(AttemptKind.CompanionLogin, LoginStatus.Approved)).toBe(false);
  });

  it("lets an operator end a live login or number verification before its deadline, and only the deadline's move otherwise", () => {
    const login = AttemptKind.CompanionLogin;
    expect(allowedSources(login, LoginStatus.Expired, 'admin').sort()).toEqual(
      ['APPROVED', 'MATCH_PENDING', 'PENDING'].sort(),
    );
    expect(movesBeforeDeadline(login, LoginStatus.Expired, 'admin')).toBe(true);
    expect(movesBeforeDeadline(login, LoginStatus.Expired, 'system')).toBe(false);
    expect(movesBeforeDeadline(AttemptKind.NumberVerification, 'EXPIRED' as never, 'admin')).toBe(
      true,
    );
    // Nothing else may an operator do to an attempt.
    for (const kind of Object.values(AttemptKind)) {
      const table = TRANSITION_TABLES[kind] as TransitionTable<string>;
      for (const move of table.moves.filter((m) => m.by.includes('admin'))) {
        expect(move.to).toBe('EXPIRED');
        expect(move.by).toEqual(['admin']);
      }
    }
  });
});
