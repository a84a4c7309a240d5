export { SimauthPhone } from './phone';
export type {
  ApproveResult,
  CheckResult,
  FactorCode,
  PendingLogin,
  RegisterOptions,
  RegisterResult,
  SimauthPhoneOptions,
} from './phone';
export type { NumberVerificationResult } from './number-verification';
export { SimauthFactors } from './factors';
export type { EnrolledFactor, Factor } from './factors';
export { SimauthWeb } from './web';
export type {
  LoginResult,
  SimauthWebOptions,
  StartLoginOptions,
  StartedLogin,
  WaitOptions,
} from './web';
export { SimauthProblem } from './problem';
export type { SimauthFieldError } from './problem';
export { memoryStorage } from './storage';
export type { SimauthStorage } from './storage';
export { parsePushMessage } from './push';
export type { PushLoginRequest } from './push';
export { createApi } from './http';
export type { SimauthApi } from './http';
export type { paths, components } from './generated/openapi';
