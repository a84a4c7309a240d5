import { fromStoredContext, loginConsumer, toStoredContext } from './login-context';

// A consumer as another feature declares it (the keys stored rows have always had).
const INTERACTION = loginConsumer('oidc_interaction', 'oidc_result_delivered');

describe('LoginContext and the stored jsonb', () => {
  it('writes the keys stored rows have always had', () => {
    expect(
      toStoredContext({
        matchNumber: 42,
        candidates: [17, 42, 88],
        bindingMessage: '42',
        boundTo: { consumer: INTERACTION, ref: 'uid-1' },
        idTokenIssued: null,
        approvedByDevice: 'device-1',
        stepUpRequired: true,
        checkUrl: 'https://example.test/check',
        channel: 'sms',
        amr: ['otp'],
        factorId: 'factor-1',
        match: false,
        simSwap: { provider: 'Vonage', swapped: true },
        simSwapCheckSkipped: '2026-12-06T00:00:00Z',
      }),
    ).toEqual({
      match_number: 42,
      candidates: [17, 42, 88],
      binding_message: '42',
      oidc_interaction: 'uid-1',
      id_token_issued: null,
      approved_by_device: 'device-1',
      step_up_required: true,
      check_url: 'https://example.test/check',
      channel: 'sms',
      amr: ['otp'],
      factor_id: 'factor-1',
      match: false,
      sim_swap: { provider: 'Vonage', swapped: true },
      sim_swap_check_skipped: '2026-12-06T00:00:00Z',
    });
  });

  it('writes only the fields given, so a move merges nothing else', () => {
    expect(toStoredContext({ approvedByDevice: 'device-1' })).toEqual({
      approved_by_device: 'device-1',
    });
  });

  it('reads back what it wrote', () => {
    const context = {
      matchNumber: 42,
      candidates: [17, 42, 88],
      boundTo: { consumer: INTERACTION, ref: 'uid-1' },
      idTokenIssued: null,
      amr: ['sms'],
    };
    expect(fromStoredContext(toStoredContext(context))).toEqual(context);
  });

  it("reads a claim's presence: absent, closed (null), or taken (when)", () => {
    const base = { match_number: 42, candidates: [17, 42, 88] };
    expect(fromStoredContext(base).idTokenIssued).toBeUndefined();
    expect(fromStoredContext({ ...base, id_token_issued: null }).idTokenIssued).toBeNull();
    expect(
      fromStoredContext({ ...base, oidc_interaction: 'uid-1', oidc_result_delivered: 'at' })
        .boundTo,
    ).toEqual({ consumer: INTERACTION, ref: 'uid-1', deliveredAt: 'at' });
  });

  it('ignores keys it does not know (a newer replica may write more)', () => {
    expect(fromStoredContext({ match_number: 7, candidates: [7], later_key: 'x' })).toEqual({
      matchNumber: 7,
      candidates: [7],
    });
  });
});
