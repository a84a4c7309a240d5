export * from './attempt';
export * from './attempt-change-listener';
export * from './attempt-kind';
export * from './attempt-state-machine';
export * from './attempt-sweeper';
export * from './attempt.errors';
export * from './attempts.module';
export * from './transition-table';
