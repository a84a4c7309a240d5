export * from './attempt';
export * from './attempt-change-listener';
export * from './attempt-history';
export * from './attempt-kind';
export * from './attempt-state-machine';
export * from './attempt-sweeper';
export * from './attempt.errors';
export * from './attempts.module';
export * from './transition-table';
export * from './attempt-webhooks';
export { webhookTargetsSql } from './attempt-sql';
export {
  ANNOTATE_SQL,
  BY_ID_SQL,
  BY_TOKEN_SQL,
  CLAIM_SQL,
  INSERT_SQL,
  NOTIFY,
  TRANSITION_SQL,
} from './attempt-sql';
export { transitionParameters } from './attempt.repository';
