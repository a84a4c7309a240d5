export * from './sandbox';
export * from './sandbox-credentials';
export { signedCallbackHeaders } from './truid/callback-signer';
export * from './virtual-phone/virtual-phone';
