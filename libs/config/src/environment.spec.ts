import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { CONFIGURATION_REFERENCE } from './configuration-reference';
import { EnvironmentVariables } from './environment';

const root = join(__dirname, '../../..');
const variables = [
  ...new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(EnvironmentVariables, '', true, false)
      .map((m) => m.propertyName),
  ),
];

describe('configuration documentation', () => {
  it('knows a good number of variables', () => {
    expect(variables.length).toBeGreaterThan(20);
  });

  it.each(variables)('the configuration reference lists %s', (name) => {
    expect(readFileSync(join(root, CONFIGURATION_REFERENCE), 'utf8')).toContain(`| \`${name}\` |`);
  });

  it.each(variables)('.env.example lists %s', (name) => {
    expect(readFileSync(join(root, '.env.example'), 'utf8')).toMatch(
      new RegExp(`^# ${name}=`, 'm'),
    );
  });
});
