import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  TransitionTable,
  allowedSources,
  isFinal,
  movesBeforeDeadline,
  registeredAttemptFlows,
  toMermaid,
} from '@simauth/attempts';
import {
  AttemptKind,
  FactorActivationStatus,
  FactorChallengeStatus,
  LoginStatus,
  NumberVerificationStatus,
  RegistrationStatus,
  TRANSITION_TABLES,
} from '@test-support/attempt-flows';

/** Where each kind's states file and diagram sit: its flow's folder. */
const STATES_FILE: Record<AttemptKind, string> = {
  [AttemptKind.Registration]: 'registration/registration.states',
  [AttemptKind.CompanionLogin]: 'companion-login/companion-login.states',
  [AttemptKind.FactorActivation]: 'authenticators/factor-activation.states',
  [AttemptKind.FactorChallenge]: 'authenticators/factor-challenge.states',
  [AttemptKind.NumberVerification]: 'number-verification/number-verification.states',
};

describe('transition tables', () => {
  it.each(Object.values(AttemptKind))('%s diagram in its flow matches its table', (kind) => {
    const file = join(__dirname, `${STATES_FILE[kind]}.mermaid`);
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
      expect([...allowedSources(kind, 'EXPIRED' as never, 'system')].sort()).toEqual(
        [...live].sort(),
      );
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
    expect([...allowedSources(login, LoginStatus.Expired, 'admin')].sort()).toEqual(
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

describe("the flows' states", () => {
  it('registers every kind with libs/attempts, each once, with the table its states file defines', () => {
    const flows = registeredAttemptFlows();
    expect(flows.map((f) => f.kind).sort()).toEqual(Object.values(AttemptKind).sort());
    for (const flow of flows) expect(flow.table).toBe(TRANSITION_TABLES[flow.kind]);
  });

  it("leaves libs/attempts generic: its code names no flow's kind, status or status enum", () => {
    const dir = join(__dirname, '../../../../libs/attempts/src');
    const code = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    expect(code).not.toMatch(/\benum\s+\w+\s*\{/);
    const enums = {
      RegistrationStatus,
      LoginStatus,
      FactorActivationStatus,
      FactorChallengeStatus,
      NumberVerificationStatus,
    };
    const named = [
      ...Object.keys(enums),
      ...Object.keys(AttemptKind),
      ...Object.values(AttemptKind),
      // EXPIRED is the library's own: every kind expires through it.
      ...Object.values(enums)
        .flatMap((e) => Object.values(e))
        .filter((status) => status !== 'EXPIRED'),
    ];
    const found = named.filter((word) => new RegExp(`\\b${word}\\b`).test(code));
    expect(found).toEqual([]);
  });
});
