// Lint with the boundary rules of ARCHITECTURE.md: the domain stays pure, wx-server-sdk lives
// only in its adapter folder, and wx.cloud.callFunction only in miniprogram/services/api.ts.
import tseslint from 'typescript-eslint';

const sdkOnlyInAdapter = {
  paths: [
    { name: 'wx-server-sdk', message: 'wx-server-sdk 只能在 cloudfunctions/_core/adapters/cloudbase/ 里使用' },
    { name: '@cloudbase/node-sdk', message: '@cloudbase/node-sdk 只能在 adapters/cloudbase/ 里使用' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '**/miniprogram_npm/**',
      '.build/**',
      '.data/**',
      'preview/**',
      'coverage/**',
      'cloudfunctions/api/index.js',
      'cloudfunctions/jobs/index.js',
      'cloudfunctions/**/node_modules/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-namespace': 'off',
      'no-restricted-imports': ['error', sdkOnlyInAdapter],
    },
  },
  {
    files: ['cloudfunctions/_core/adapters/cloudbase/**/*.ts', 'cloudfunctions/_local/**/*.ts', 'tests/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['cloudfunctions/_core/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/adapters/**', '**/app/**', '**/_local/**'], message: '领域层不依赖用例或适配器' },
            { group: ['wx-server-sdk', '@cloudbase/*', 'node:*', 'fs', 'http', 'crypto'], message: '领域层保持纯净：不做 I/O' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: '领域层的时间由参数 now 传入' },
        { object: 'Math', property: 'random', message: '领域层不使用随机数' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: '领域层的时间由参数 now 传入' },
      ],
    },
  },
  {
    files: ['cloudfunctions/_core/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...sdkOnlyInAdapter,
          patterns: [{ group: ['**/adapters/**', '**/_local/**'], message: '用例只依赖 ports/' }],
        },
      ],
    },
  },
  {
    files: ['miniprogram/**/*.ts'],
    ignores: ['miniprogram/services/api.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'cloud', property: 'callFunction', message: '只有 miniprogram/services/api.ts 调用云函数' },
      ],
    },
  },
);
