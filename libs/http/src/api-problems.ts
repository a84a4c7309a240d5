import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { PHONE_NUMBER_REASONS } from './validators';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[])',
  401: 'Missing or invalid credential',
  403: 'Not yours',
  404: 'Unknown id',
  409: 'Not possible in the current status, or a concurrent request won',
  410: 'Expired: start a new one',
  413: 'The body is over 16 KiB',
  415: 'The body is not application/json in UTF-8',
  422: 'Well-formed but refused',
  429: 'Rate limited; see Retry-After',
  501: "The feature's provider is not configured on this server (the detail names the settings)",
  502: 'The provider failed; the attempt is kept',
  503: 'The provider is unavailable; retry after Retry-After',
};

/** The problem `type` a status is answered with (the usual one, where there are several). */
const CODES: Record<number, string> = {
  400: 'validation-error',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'invalid-transition',
  410: 'attempt-expired',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'rate-limited',
  501: 'feature-not-configured',
  502: 'provider-error',
  503: 'provider-unavailable',
};

/** The problem+json schema, its `type` example the one of `status`. */
export const problemSchema = (status: number) => ({
  type: 'object',
  properties: {
    type: { type: 'string', example: `urn:simauth:problem:${CODES[status] ?? 'internal-error'}` },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    request_id: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          field: { type: 'string' },
          message: { type: 'string' },
          reason: {
            type: 'string',
            description:
              'Why, for programs, where the rule says: for a phone number, one of ' +
              `${PHONE_NUMBER_REASONS.join(', ')} (INVALID_NUMBER: a possible length, but in no ` +
              'range its country allocates)',
            example: 'INVALID_NUMBER',
          },
        },
      },
    },
  },
});

/** What a status means, as the document says it. */
export const problemDescription = (status: number) => DESCRIPTIONS[status] ?? 'Error';

/** Documents the problem+json answers a route can give. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: problemDescription(status),
        content: { 'application/problem+json': { schema: problemSchema(status) } },
      }),
    ),
  );
}
