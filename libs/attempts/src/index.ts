export * from './attempt';
export * from './attempt-change-listener';
export * from './attempt-flow';
export * from './attempt-history';
export * from './attempt-kind';
export * from './attempt-move-hook';
export * from './attempt-state-machine';
export * from './attempt-sweeper';
export * from './attempt.errors';
export * from './attempts.module';
export * from './transition-table';
export {
  ANNOTATE_SQL,
  BY_ID_SQL,
  BY_TOKEN_SQL,
  CLAIM_SQL,
  INSERT_SQL,
  NOTIFY,
  transitionSql,
} from './attempt-sql';
export { type AnnotationEvent, type ClaimTarget, transitionParameters } from './attempt.repository';
