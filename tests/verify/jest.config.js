/**
 * `npm run verify` (scripts/verify.mjs): the issue-10 suite, files named *.verify.ts so the gate's
 * ordinary jest runs leave them to this config. Node environment, the same transform and offline
 * setup as the cloud tests, plus a console capture for the privacy scan of the logs.
 */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2020' }, module: { type: 'commonjs' } }];
const swcJs = ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2020' }, module: { type: 'commonjs' } }];

module.exports = {
  rootDir: '../..',
  displayName: 'verify',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/verify'],
  testMatch: ['**/*.verify.ts'],
  transform: { '^.+\\.ts$': swc, '^.+\\.m?js$': swcJs },
  setupFiles: ['<rootDir>/tests/support/setup-env.ts'],
  setupFilesAfterEnv: ['<rootDir>/tests/verify/support/capture.ts'],
  testTimeout: 15 * 60 * 1000,
  // The model runs for minutes; the other files share the second worker meanwhile.
  maxWorkers: 2,
};
