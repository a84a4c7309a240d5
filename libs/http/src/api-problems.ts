import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[])',
  401: 'Missing or invalid credential',
  403: 'Not yours',
  404: 'Unknown id',
  409: 'Not possible in the current status, or a concurrent request won',
  410: 'Expired: start a new one',
  422: 'Well-formed but refused',
  429: 'Rate limited; see Retry-After',
  502: 'The provider failed; the attempt is kept',
  503: 'The provider is unavailable; retry after Retry-After',
};

const PROBLEM_SCHEMA = {
  type: 'object',
  properties: {
    type: { type: 'string', example: 'urn:simauth:problem:validation-error' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    request_id: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

/** Documents the problem+json answers a route can give. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/problem+json': { schema: PROBLEM_SCHEMA } },
      }),
    ),
  );
}
