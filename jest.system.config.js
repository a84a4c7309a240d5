/**
 * Tests that need system packages (Debian's Chromium for Playwright, docker-compose):
 * `npm run test:system`. `.ci/run` installs those packages first.
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/system'],
  testRegex: '.*\\.system-spec\\.ts$',
  // The compiled app (dist/) is built once here; specs that start real processes use it.
  globalSetup: '<rootDir>/test/system/global-setup.ts',
  maxWorkers: 1,
  testTimeout: 60000,
};
