// `npm run docs:config`: writes docs/reference/configuration.md from the settings schema
// (libs/config/src/environment.ts, its @Setting lines). The schema is TypeScript with decorators,
// so this loads it through @swc/core (the compiler jest uses) instead of a build.
import { writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformFileSync } from '@swc/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformFileSync(filename, {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: false,
  });
  module._compile(code, filename);
};

const { CONFIGURATION_REFERENCE, renderConfigurationReference } = require(
  join(root, 'libs/config/src/configuration-reference.ts'),
);
writeFileSync(join(root, CONFIGURATION_REFERENCE), renderConfigurationReference());
process.stdout.write(`docs:config: wrote ${CONFIGURATION_REFERENCE}\n`);
