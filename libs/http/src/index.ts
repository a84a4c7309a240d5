export * from './body-parsers';
export * from './domain-error';
export * from './problem-details.filter';
export * from './problems';
export * from './request-context';
export * from './validation';
export * from './validators';
export * from './api-problems';
