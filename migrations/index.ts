import { CreateAttempts1764043200000 } from './1764043200000-CreateAttempts';

/**
 * Every migration, oldest first. Listed explicitly so the compiled app, the TypeORM runner and
 * the tests load the same set without globbing file extensions; a test checks nothing is missing.
 */
export const MIGRATIONS = [CreateAttempts1764043200000];
