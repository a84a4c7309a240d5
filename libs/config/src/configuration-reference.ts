import { LIBRARY_VARIABLES, settingsDocumentation } from './environment';

/** Where the generated reference lives, from the repository's root. */
export const CONFIGURATION_REFERENCE = 'docs/reference/configuration.md';

const INTRO = `# Configuration

<!-- Generated from libs/config/src/environment.ts by \`npm run docs:config\`: edit the schema's
@Setting lines, not this file. A test fails when this file is stale. -->

Every setting is an environment variable, validated at start: a bad value stops the process with
one line naming the variable. A \`.env\` file in the working folder is read too (variables already
set win); \`.env.example\` lists them all.
`;

/** docs/reference/configuration.md, as the settings schema says it. */
export function renderConfigurationReference(): string {
  const rows = [...settingsDocumentation(), ...LIBRARY_VARIABLES].map(
    (setting) =>
      `| ${setting.name
        .split(', ')
        .map((name) => `\`${name}\``)
        .join(', ')} | ${setting.default} | ${setting.meaning} |`,
  );
  return [INTRO, '| variable | default | meaning |', '|---|---|---|', ...rows, ''].join('\n');
}
