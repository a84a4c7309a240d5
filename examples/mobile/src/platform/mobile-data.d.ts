// The platform picks mobile-data.native.ts or mobile-data.web.ts (Metro's platform extensions);
// both implement this.
import type { MobileData } from './types';

export declare const mobileData: MobileData;
