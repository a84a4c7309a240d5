/**
 * Loaded with `node -r` before the skeleton (`node dist/bench/pair.js skeleton
 * skeleton+api-modules`): every module the api loads, from this build's app module down (Nest,
 * TypeORM, oidc-provider's loader, axios, class-validator, our features), without starting
 * anything. The skeleton then serves its logins in a process holding the api's code and module
 * sources: what the api's size alone costs each login, apart from the work the api does.
 */
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
require(join(__dirname, '../apps/api/src/app.module.js'));
