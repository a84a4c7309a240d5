export * from './access-token-cache';
export * from './clock';
export * from './vonage-jwt-signer';
export * from './secrets';
export * from './secret-box';
