import { AttemptFlow, attemptFlow, registerAttemptFlow } from './attempt-flow';
import { AttemptKind } from './attempt-kind';
import { TransitionTable, allowedSources, isFinal } from './transition-table';

// A flow of this test's own: the library knows none.
const PARCEL = 'test_parcel' as AttemptKind;
const table: TransitionTable<string> = {
  initial: 'SENT',
  final: ['DELIVERED', 'EXPIRED'],
  moves: [
    { from: ['SENT'], to: 'DELIVERED', by: ['provider'] },
    { from: ['SENT'], to: 'EXPIRED', by: ['system'] },
  ],
};
const parcel = { kind: PARCEL, table, events: { DELIVERED: 'parcel.delivered' } } as AttemptFlow;

describe('registered flows', () => {
  it("answers with a registered flow's table", () => {
    expect(registerAttemptFlow(parcel)).toBe(parcel);
    expect(attemptFlow(PARCEL)).toBe(parcel);
    expect(allowedSources(PARCEL, 'DELIVERED' as never, 'provider')).toEqual(['SENT']);
    expect(isFinal(PARCEL, 'DELIVERED' as never)).toBe(true);
    // Loaded twice (the same definition), it is still one flow.
    expect(registerAttemptFlow(parcel)).toBe(parcel);
  });

  it('refuses a second flow for a kind, and a move of a kind no flow registered', () => {
    expect(() => registerAttemptFlow({ ...parcel })).toThrow(
      'attempt kind test_parcel is registered by two flows',
    );
    expect(() => attemptFlow('test_nothing' as AttemptKind)).toThrow(
      'no flow is registered for attempts of kind test_nothing (load its states file)',
    );
  });
});
