import { randomUUID } from 'node:crypto';
import { TestApp } from './test-app';
import { bearer, call } from './http';
import { RegisteredPhone } from './flows';

/** A counter of /metrics by provider and outcome, as it says it now. */
async function providerCounter(
  t: TestApp,
  metric: string,
  provider: string,
  outcome: string,
): Promise<number> {
  const text = await (await fetch(`${t.url}/metrics`)).text();
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${metric}{provider="${provider}",outcome="${outcome}"}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

/** simauth_sim_proofs_total for a provider and outcome, as /metrics says it now. */
export const simProofs = (t: TestApp, provider: string, outcome: string) =>
  providerCounter(t, 'simauth_sim_proofs_total', provider, outcome);

/** simauth_sim_swap_checks_total for a provider and outcome, as /metrics says it now. */
export const simSwapChecks = (t: TestApp, provider: string, outcome: string) =>
  providerCounter(t, 'simauth_sim_swap_checks_total', provider, outcome);

/** POST /v1/registrations for a number, with a fresh device_id. */
export const startRegistration = (t: TestApp, phone_number: string) =>
  call('POST', `${t.url}/v1/registrations`, { phone_number, device_id: `dev-${randomUUID()}` });

/** POST /v1/registrations/{id}/code with what the check URL (or the SMS) gave. */
export const submitRegistrationCode = (t: TestApp, id: string, body: unknown) =>
  call('POST', `${t.url}/v1/registrations/${id}/code`, body);

/** A login of `phone`'s user, approved on the phone: the approval's answer. */
export async function approvedLogin(t: TestApp, phone: RegisteredPhone) {
  const started = await call('POST', `${t.url}/v1/logins`, { phone_number: phone.phoneNumber });
  const approved = await call(
    'POST',
    `${t.url}/v1/logins/${started.body.login_id}/approve`,
    { match_number: started.body.match_number },
    bearer(phone.deviceToken),
  );
  return { loginId: started.body.login_id as string, approved, pollToken: started.body.poll_token };
}

/** POST /v1/logins/{id}/code from the phone, with what the check URL gave. */
export const sendLoginCode = (t: TestApp, phone: RegisteredPhone, loginId: string, body: unknown) =>
  call('POST', `${t.url}/v1/logins/${loginId}/code`, body, bearer(phone.deviceToken));
