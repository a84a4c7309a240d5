// The platform picks push.native.ts or push.web.ts (Metro's platform extensions); both implement this.
import type { Push } from './types';

export declare const push: Push;
/** Registers what runs for a push while the app is in the background (index.ts calls it first). */
export declare function installBackgroundHandler(): void;
