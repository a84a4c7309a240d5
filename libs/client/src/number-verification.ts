import { answerOf, SimauthApi } from './http';
import { SimauthProblem } from './problem';

/** How a number verification ended (Vonage Network Enablement and CAMARA Number Verification). */
export interface NumberVerificationResult {
  verificationId: string;
  /** VERIFIED, NOT_VERIFIED (the phone holds another number), EXPIRED, PROVIDER_ERROR. */
  status: string;
  /** What the network said, once it decided. */
  devicePhoneNumberVerified?: boolean;
  /** On VERIFIED, for a number simauth has a user for: an id_token with amr ["nv"]. */
  idToken?: string;
}

/**
 * Starts a number verification for `phoneNumber`, opens its auth URL with `openAuthUrl` (over
 * mobile data; its redirects end at simauth's callback, whose JSON is the answer) and resolves to
 * the outcome. A failure the callback answered (a provider error, a used or expired verification)
 * is thrown as its SimauthProblem.
 */
export async function verifyNumber(
  api: SimauthApi,
  openAuthUrl: (url: string) => Promise<unknown>,
  phoneNumber: string,
): Promise<NumberVerificationResult> {
  const started = await answerOf(
    api.POST('/v1/number-verifications', { body: { phone_number: phoneNumber } }),
  );
  const id = started.verification_id;
  // The callback's JSON, read as what it may be: the verification, or a problem.
  const answer = ((await openAuthUrl(started.auth_url)) ?? {}) as Record<string, unknown>;
  if (typeof answer.type === 'string' && typeof answer.status === 'number')
    throw new SimauthProblem(answer as { type: string; status: number });
  const ended =
    answer.verification_id === id && typeof answer.status === 'string'
      ? (answer as { status: string; device_phone_number_verified?: boolean; id_token?: string })
      : // The opener gave no body (a mobile-data SDK may not): the verification's state says.
        await answerOf(api.GET('/v1/number-verifications/{id}', { params: { path: { id } } }));
  return {
    verificationId: id,
    status: ended.status,
    ...(typeof ended.device_phone_number_verified === 'boolean'
      ? { devicePhoneNumberVerified: ended.device_phone_number_verified }
      : {}),
    ...(ended.id_token ? { idToken: ended.id_token } : {}),
  };
}
