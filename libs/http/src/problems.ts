/**
 * The fixed table of problem types simauth answers with. A problem's `type` is
 * `urn:simauth:problem:<code>`; clients branch on it, so codes are never renamed.
 */
export const PROBLEMS = {
  'validation-error': { status: 400, title: 'Your request is not valid' },
  'malformed-json': { status: 400, title: 'The request body is not valid JSON' },
  'bad-request': { status: 400, title: 'Bad request' },
  unauthorized: { status: 401, title: 'Missing or invalid credential' },
  forbidden: { status: 403, title: 'Not allowed' },
  'step-up-required': { status: 403, title: 'An authenticator code is required as well' },
  'not-found': { status: 404, title: 'Not found' },
  'attempt-not-found': { status: 404, title: 'No such attempt' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'invalid-transition': { status: 409, title: 'That step is not possible now' },
  conflict: { status: 409, title: 'Conflict' },
  'attempt-expired': { status: 410, title: 'This attempt has expired' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported content type' },
  'number-not-supported': { status: 422, title: 'This phone number cannot be checked' },
  unprocessable: { status: 422, title: 'The request was understood but refused' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  'internal-error': { status: 500, title: 'Internal server error' },
  'feature-not-configured': {
    status: 501,
    title: 'This feature is not configured on this server',
  },
  'provider-error': { status: 502, title: 'The identity provider failed' },
  'provider-unavailable': { status: 503, title: 'The identity provider is unavailable' },
  'service-unavailable': { status: 503, title: 'Service unavailable' },
} as const;

export type ProblemCode = keyof typeof PROBLEMS;

export const problemType = (code: ProblemCode) => `urn:simauth:problem:${code}`;

export interface FieldError {
  field: string;
  message: string;
  /** Why, for programs, where a rule says (a phone number's: TOO_SHORT, INVALID_NUMBER, …). */
  reason?: string;
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  request_id?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}
