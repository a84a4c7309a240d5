/**
 * The public surface of the companion login, for the features allowed to build on it (oidc binds
 * its sign-in steps to logins through BoundLogins). Nothing else of this folder is imported from
 * outside it.
 */
export { CompanionLoginModule } from './companion-login.module';
export { BoundLogins } from './bound-logins.service';
export type { StartedLogin } from './companion-login.service';
export type { Login } from './login-attempts';
export { loginConsumer } from './login-context';
export type { LoginBinding, LoginConsumer, LoginContext } from './login-context';
export { LoginStartedResponse, StartLoginDto, toLoginStartedResponse } from './dto/login.dto';
export { LoginStatus } from './companion-login.states';
