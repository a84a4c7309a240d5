import { loadConfig } from '@simauth/config';
import { Feature, featureAvailable, featuresOff, settingsFor } from './features';

const TWILIO = {
  TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'token',
  TWILIO_VERIFY_SERVICE_SID: `VA${'b'.repeat(32)}`,
};

describe('the features a deployment has, by its providers', () => {
  it('counts registration and the login SIM proof as on with Twilio first in SIM_PROOF_PROVIDERS and only its credentials', () => {
    const config = loadConfig({ SIM_PROOF_PROVIDERS: 'twilio', ...TWILIO });
    expect(featureAvailable(Feature.Registration, config)).toBe(true);
    expect(featuresOff(config)).not.toContain(Feature.LoginSimProof);
  });

  it("names Twilio's settings for registration when Twilio comes first without them", () => {
    const config = loadConfig({ SIM_PROOF_PROVIDERS: 'twilio,truid' });
    expect(featureAvailable(Feature.Registration, config)).toBe(false);
    expect(settingsFor(Feature.Registration, config)).toBe(
      'TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_VERIFY_SERVICE_SID (Twilio)',
    );
  });
});
