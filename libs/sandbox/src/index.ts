export * from './sandbox';
export * from './sandbox-credentials';
export { signedCallbackHeaders } from './truid/callback-signer';
