export * from './create-database';
export * from './data-source';
export * from './database.module';
export * from './embedded-database';
export * from './free-port';
export * from './migrate';
export * from './prepared-query';
export * from './sweeps';
