import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './generated/openapi';
import { SimauthProblem } from './problem';

/** The typed low-level client over the REST API (openapi-fetch), for calls the classes lack. */
export type SimauthApi = Client<paths>;

/** A typed client for `baseUrl`; every request goes through `fetch` (the platform's by default). */
export function createApi(baseUrl: string, fetchImpl?: typeof fetch): SimauthApi {
  return createClient<paths>({
    baseUrl: baseUrl.replace(/\/+$/, ''),
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}

/** What an openapi-fetch call resolves to. */
export interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Runs one openapi-fetch call and returns its data; an error answer becomes a SimauthProblem,
 * and so does a network failure (retryable).
 */
export async function answerOf<T>(request: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await request;
  } catch (err) {
    throw SimauthProblem.network(err);
  }
  if (!answer.response.ok) throw await SimauthProblem.fromResponse(answer.response, answer.error);
  return answer.data as T;
}

/** Runs an openapi-fetch call to its data (answerOf, or a wrapper of it). */
export type AnswerOf = <T>(request: Promise<Answer<T>>) => Promise<T>;

/** Bearer authorization for a credential. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
