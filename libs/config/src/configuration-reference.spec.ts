import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIGURATION_REFERENCE, renderConfigurationReference } from './configuration-reference';
import { settingsDocumentation } from './environment';

const root = join(__dirname, '../../..');

describe('the configuration reference', () => {
  it('is what the settings schema generates (run `npm run docs:config` after changing it)', () => {
    expect(readFileSync(join(root, CONFIGURATION_REFERENCE), 'utf8')).toBe(
      renderConfigurationReference(),
    );
  });

  it('has a default and a meaning for every setting, once each', () => {
    const names = settingsDocumentation().map((setting) => setting.name);
    expect(new Set(names).size).toBe(names.length);
    for (const setting of settingsDocumentation()) {
      expect(setting.default.trim()).not.toBe('');
      expect(setting.meaning.trim()).not.toBe('');
    }
  });
});
