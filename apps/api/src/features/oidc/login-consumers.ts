import { loginConsumer } from '../companion-login';

/**
 * The requests of the OpenID Provider a companion login can stand in for, by the context keys
 * their logins have always kept (stored rows and the CIBA sweep's index use them).
 */
/** An authorization request's interaction (its uid): the login page's sign-in step. */
export const OIDC_INTERACTION = loginConsumer('oidc_interaction', 'oidc_result_delivered');
/** A CIBA request (its auth_req_id): the backchannel's sign-in step. */
export const CIBA_REQUEST = loginConsumer('ciba_request', 'ciba_result_delivered');
