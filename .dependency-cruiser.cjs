/** Architecture boundaries (ARCHITECTURE.md, rule 6), checked on every CI run. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      from: { path: '^cloudfunctions/_core/domain/' },
      to: { path: '^cloudfunctions/_core/(app|adapters)/|^cloudfunctions/_local/|wx-server-sdk|@cloudbase' },
    },
    {
      name: 'app-depends-on-ports-only',
      severity: 'error',
      from: { path: '^cloudfunctions/_core/app/' },
      to: { path: '^cloudfunctions/_core/adapters/|^cloudfunctions/_local/|wx-server-sdk|@cloudbase' },
    },
    {
      name: 'sdk-only-in-its-adapter',
      severity: 'error',
      // scripts/deploy/manager.ts is the deploy's adapter of @cloudbase/manager-node.
      from: { pathNot: '^cloudfunctions/_core/adapters/cloudbase/|^cloudfunctions/_local/|^scripts/deploy/manager\\.ts$' },
      to: { path: 'node_modules/(wx-server-sdk|@cloudbase/)' },
    },
    {
      name: 'miniprogram-never-imports-cloud-code',
      severity: 'error',
      from: { path: '^miniprogram/' },
      to: { path: '^cloudfunctions/' },
    },
    {
      name: 'cloud-never-imports-miniprogram',
      severity: 'error',
      from: { path: '^cloudfunctions/' },
      to: { path: '^miniprogram/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes load order matter and hides a layer boundary.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-test',
      severity: 'error',
      comment: 'Shipped code and the scripts never import test code (shared generators live in scripts/synthetic/).',
      from: { pathNot: '^tests/' },
      to: { path: '^tests/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'miniprogram_npm|cloudfunctions/(api|jobs)/index\\.js$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
