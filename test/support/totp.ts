import { generate } from 'otplib';

/** The TOTP code of an otpauth:// URI's secret, `stepsAhead` periods from now (computed, never hard-coded). */
export function totpCode(otpauthUrl: string, stepsAhead = 0): Promise<string> {
  const secret = new URL(otpauthUrl).searchParams.get('secret')!;
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });
}
