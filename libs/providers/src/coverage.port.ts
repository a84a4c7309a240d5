export interface DeviceCoverage {
  phoneCheckSupported: boolean;
  networkName?: string;
}

/** Can a device at this IP (its mobile network) run a PhoneCheck? */
export abstract class CoveragePort {
  abstract deviceCoverage(ip: string): Promise<DeviceCoverage>;
}
