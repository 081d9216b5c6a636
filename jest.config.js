/** Two projects: the cloud side runs under node, the mini program pages under jsdom (miniprogram-simulate). */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2020' }, module: { type: 'commonjs' } }];
const swcJs = ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2020' }, module: { type: 'commonjs' } }];

module.exports = {
  // No test may depend on the machine's speed: on a busy 2-core runner an end-to-end test through
  // the local server can take several seconds, so the default 5 s would fail correct code.
  testTimeout: 30_000,
  projects: [
    {
      displayName: 'cloud',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/miniprogram/'],
      transform: { '^.+\\.ts$': swc, '^.+\\.m?js$': swcJs },
      setupFiles: ['<rootDir>/tests/support/setup-env.ts'],
    },
    {
      // Pages and components rendered by miniprogram-simulate; TDesign's ES-module build in
      // miniprogram/miniprogram_npm (scripts/pack-npm.mjs) goes through the same swc transform.
      displayName: 'miniprogram',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/tests/miniprogram'],
      testMatch: ['**/*.test.ts'],
      transform: {
        '^.+\\.ts$': swc,
        '^.+\\.js$': ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2020' }, module: { type: 'commonjs' } }],
      },
      // Real server answers for the page tests, taken once per run (support/real-answers.ts).
      globalSetup: '<rootDir>/tests/miniprogram/support/global-setup.ts',
      setupFiles: ['<rootDir>/tests/miniprogram/support/setup.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/miniprogram/support/after-env.ts'],
    },
  ],
};
