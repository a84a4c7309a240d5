export * from './metrics';
export * from './fast-histogram';
