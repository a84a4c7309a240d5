/**
 * The public surface of the companion login, for the features allowed to build on it (oidc binds
 * its sign-in steps to logins through BoundLogins). Nothing else of this folder is imported from
 * outside it.
 */
export { CompanionLoginModule } from './companion-login.module';
export { BoundLogins, BoundOutcome } from './bound-logins.service';
export { StartedLogin } from './companion-login.service';
export { Login } from './login-attempts';
export { LoginBinding, LoginConsumer, LoginContext, loginConsumer } from './login-context';
export { LoginStartedResponse, StartLoginDto, toLoginStartedResponse } from './dto/login.dto';
export { LoginStatus } from '@simauth/attempts';
