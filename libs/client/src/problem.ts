/** One field the server refused, as problem+json's `errors` lists them. */
export interface SimauthFieldError {
  field: string;
  message: string;
  reason?: string;
}

/** The problem+json body simauth answers a failure with (RFC 7807). */
interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  request_id?: string;
  errors?: SimauthFieldError[];
}

const NETWORK_ERROR = 'urn:simauth:problem:network-error';

/** Network failures, and these statuses, may succeed when tried again later. */
const RETRYABLE_STATUSES = [408, 429, 502, 503, 504];

/**
 * Every failure of the client: a problem+json answer of the server, a network failure (status 0,
 * type `urn:simauth:problem:network-error`) or an answer the client could not read.
 */
export class SimauthProblem extends Error {
  /** The problem's stable type URI, e.g. `urn:simauth:problem:attempt-expired`. */
  readonly type: string;
  /** The HTTP status; 0 when no answer came (network failure). */
  readonly status: number;
  readonly title: string;
  readonly detail?: string;
  /** The fields the server refused (400 validation errors). */
  readonly errors: SimauthFieldError[];
  /** Seconds to wait before trying again, from the answer's Retry-After. */
  readonly retryAfter?: number;
  readonly requestId?: string;

  constructor(
    problem: ProblemBody & { status: number; type: string },
    retryAfter?: number,
    cause?: unknown,
  ) {
    super(problem.detail ?? problem.title ?? problem.type, cause ? { cause } : undefined);
    this.name = 'SimauthProblem';
    this.type = problem.type;
    this.status = problem.status;
    this.title = problem.title ?? problem.type;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.retryAfter = retryAfter;
    this.requestId = problem.request_id;
  }

  /** True when the same request may succeed later: a network failure, 429, 503 and the like. */
  get retryable(): boolean {
    return this.type === NETWORK_ERROR || RETRYABLE_STATUSES.includes(this.status);
  }

  /** A failure before any answer came: the server could not be reached. */
  static network(cause: unknown): SimauthProblem {
    return new SimauthProblem(
      {
        type: NETWORK_ERROR,
        status: 0,
        title: 'The server could not be reached',
        detail: cause instanceof Error ? cause.message : undefined,
      },
      undefined,
      cause,
    );
  }

  /** The problem an unsuccessful response carries (a body that is not problem+json is described). */
  static async fromResponse(response: Response, body?: unknown): Promise<SimauthProblem> {
    let problem = body as ProblemBody | undefined;
    if (problem === undefined)
      problem = (await response.json().catch(() => undefined)) as ProblemBody | undefined;
    const header = response.headers.get('retry-after');
    const seconds = header === null ? undefined : Number(header);
    return new SimauthProblem(
      {
        ...(typeof problem === 'object' && problem !== null ? problem : {}),
        type:
          typeof problem?.type === 'string'
            ? problem.type
            : `urn:simauth:problem:http-${response.status}`,
        status: response.status,
      },
      seconds !== undefined && Number.isFinite(seconds) ? seconds : undefined,
    );
  }

  /** An answer the client does not understand (a success without the fields it must carry). */
  static unexpected(detail: string): SimauthProblem {
    return new SimauthProblem({
      type: 'urn:simauth:problem:unexpected-answer',
      status: 0,
      title: 'The server answered in a way the client does not understand',
      detail,
    });
  }
}
