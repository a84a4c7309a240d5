/** DI tokens of the sandbox module. */
export const SANDBOX_OPTIONS = Symbol('SANDBOX_OPTIONS');
