import { eventPatternsMatching } from '@simauth/config';
import { WEBHOOK_EVENT_TYPES, eventTargets, subscribes } from './webhook-events';

const endpoint = (events: string[]) => ({ url: 'https://hooks.example/x', secret: 's', events });

describe('webhook matching', () => {
  it('takes an event for "*", its own type and each "prefix.*" over it, and nothing else', () => {
    expect(eventPatternsMatching('login.succeeded')).toEqual(['*', 'login.succeeded', 'login.*']);
    expect(eventPatternsMatching('a.b.c')).toEqual(['*', 'a.b.c', 'a.*', 'a.b.*']);
    for (const events of [['*'], ['login.succeeded'], ['login.*'], ['user.blocked', 'login.*']])
      expect([events, subscribes(endpoint(events), 'login.succeeded')]).toEqual([events, true]);
    for (const events of [['login.failed'], ['logi*'], ['login.s*'], ['registration.*'], ['.*']])
      expect([events, subscribes(endpoint(events), 'login.succeeded')]).toEqual([events, false]);
  });

  it('names every known type a "prefix.*" pattern can take', () => {
    const takes = (pattern: string) =>
      WEBHOOK_EVENT_TYPES.filter((t) => subscribes(endpoint([pattern]), t));
    expect(takes('factor.*')).toEqual([
      'factor.activated',
      'factor.challenge_verified',
      'factor.challenge_failed',
      'factor.deleted',
    ]);
    expect(takes('*')).toEqual([...WEBHOOK_EVENT_TYPES]);
  });

  it('sends an event nowhere when a move reports none', () => {
    expect(eventTargets([endpoint(['*'])], undefined)).toEqual({ configured: [], patterns: [] });
    expect(eventTargets([endpoint(['login.*'])], 'login.approved')).toEqual({
      configured: ['https://hooks.example/x'],
      patterns: ['*', 'login.approved', 'login.*'],
    });
  });
});
