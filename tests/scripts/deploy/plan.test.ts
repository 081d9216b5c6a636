// The dry run: the plan built from the code (the one collection list, cloudbaserc.json, each
// function's config.json, the storage rule) and checked against what the code calls. It needs
// no credentials and reaches no network; CI runs it on the demo configuration.
import { join } from 'node:path';
import { COLLECTIONS } from '../../../cloudfunctions/_core/adapters/cloudbase/collections';
import { checkPlan } from '../../../scripts/deploy/checks';
import { collectionUses, functionFacts, openapiCallsInSource, type FunctionFacts } from '../../../scripts/deploy/code-facts';
import { ConfigError, loadEnvFile, readConfig } from '../../../scripts/deploy/config';
import { run } from '../../../scripts/deploy/main';
import {
  buildPlan,
  fillPlaceholders,
  formatPlan,
  functionPlans,
  readFunctionFiles,
  readStorageRule,
  type FunctionFiles,
  type Plan,
} from '../../../scripts/deploy/plan';

const ROOT = join(__dirname, '../../..');
jest.setTimeout(60_000);

let plan: Plan;
let facts: FunctionFacts[];
beforeAll(async () => {
  const { config } = readConfig(loadEnvFile(join(ROOT, 'deploy.env.example')));
  plan = buildPlan({
    config,
    files: readFunctionFiles(ROOT),
    storage: readStorageRule(ROOT),
    miniprogram: { version: '1.2.3', desc: 'test' },
  });
  facts = await Promise.all(['api', 'jobs'].map((name) => functionFacts(ROOT, name)));
});

test('the plan creates exactly the collections of the one list, with their indexes and rules', () => {
  expect(plan.collections.map((c) => c.name)).toEqual(COLLECTIONS.map((c) => c.name));
  for (const c of plan.collections) {
    const spec = COLLECTIONS.find((s) => s.name === c.name);
    expect(c.indexes).toEqual(spec?.indexes);
    expect(c.rule).toEqual({ read: false, write: false });
  }
});

test('both functions get a current runtime, their timeouts, env variables, permissions and timers', () => {
  const [api, jobs] = plan.functions;
  expect(api).toMatchObject({
    name: 'api',
    runtime: 'Nodejs18.15',
    handler: 'index.main',
    timeout: 20,
    installDependency: true,
    triggers: [],
  });
  expect(jobs).toMatchObject({ name: 'jobs', runtime: 'Nodejs18.15', timeout: 60 });
  expect(api?.envVariables).toEqual({
    SUPER_ADMIN_OPENIDS: 'admin-cli',
    SUBSCRIBE_TEMPLATE_IDS: '{}',
    MINIPROGRAM_STATE: 'formal',
    APP_SECRET: '',
  });
  expect(formatPlan(plan)).toContain('env APP_SECRET=(not set)');
  expect(api?.openapi).toEqual(['security.msgSecCheck', 'subscribeMessage.send', 'wxacode.getUnlimited']);
  expect(jobs?.triggers.map((t) => `${t.name} ${t.config}`)).toEqual([
    'sweep 0 */5 * * * * *',
    'deliver 0 * * * * * *',
    'autoClose 0 10 3 * * * *',
    'figures 30 */2 * * * * *',
  ]);
  expect(plan.storage).toEqual({ read: false, write: 'resource.openid == auth.openid' });
  expect(plan.miniprogram).toEqual({ appId: 'wx0123456789abcdef', version: '1.2.3', desc: 'test', robot: 1, env: 'yjsb-demo-7g2k9x' });
});

test('the plan agrees with the code: every open-API call declared, every collection planned, every job timed', () => {
  const result = checkPlan(plan, facts, ROOT);
  expect(result.errors).toEqual([]);
  expect(result.checked.join('\n')).toMatch(
    /api: 3 open-API call\(s\).*security\.msgSecCheck, subscribeMessage\.send, wxacode\.getUnlimited/,
  );
  const apiCalls = facts.find((f) => f.name === 'api')?.openapi.map((c) => `${c.api} ${c.file}`);
  expect(apiCalls).toEqual(
    expect.arrayContaining([
      'security.msgSecCheck cloudfunctions/_core/adapters/cloudbase/content-check.ts',
      'subscribeMessage.send cloudfunctions/_core/adapters/cloudbase/message-sender.ts',
    ]),
  );
});

test('an open-API call missing from config.json fails the check, naming the file that calls it', () => {
  const stripped: Plan = {
    ...plan,
    functions: plan.functions.map((f) => (f.name === 'api' ? { ...f, openapi: ['subscribeMessage.send', 'wxacode.getUnlimited'] } : f)),
  };
  expect(checkPlan(stripped, facts, ROOT).errors).toEqual([
    expect.stringMatching(
      /^cloudfunctions\/api\/config\.json: permissions\.openapi 缺少 security\.msgSecCheck（cloudfunctions\/_core\/adapters\/cloudbase\/content-check\.ts:\d+ 调用了它/,
    ),
  ]);
  const extra: Plan = {
    ...plan,
    functions: plan.functions.map((f) => (f.name === 'api' ? { ...f, openapi: [...f.openapi, 'wxacode.createQRCode'] } : f)),
  };
  expect(checkPlan(extra, facts, ROOT).warnings).toEqual([expect.stringContaining('声明了 wxacode.createQRCode，但 api 的代码没有调用它')]);
});

test('a collection the plan lacks, and a job without a timer, fail the check', () => {
  const noRollups: Plan = { ...plan, collections: plan.collections.filter((c) => c.name !== 'rollups') };
  const errors = checkPlan(noRollups, facts, ROOT).errors;
  expect(errors[0]).toMatch(/COLLECTION\.rollups 不在 COLLECTIONS 列表里/);
  expect(errors.some((e) => /figures-store\.ts:\d+: 集合 rollups 不在 COLLECTIONS 列表里/.test(e))).toBe(true);
  const noSweep: Plan = {
    ...plan,
    functions: plan.functions.map((f) => (f.name === 'jobs' ? { ...f, triggers: f.triggers.filter((t) => t.name !== 'sweep') } : f)),
  };
  expect(checkPlan(noSweep, facts, ROOT).errors).toEqual(['cloudfunctions/jobs/config.json: 任务 sweep 没有定时触发器']);
});

test('open-API calls are read in both spellings; any other use of .openapi is reported, not skipped', () => {
  const text = [
    'const a = (sdk().openapi as { wxacode: { getUnlimited(p: unknown): Promise<unknown> } });',
    'await cloud.openapi.security.imgSecCheck({});',
    'const raw = cloud.openapi;',
  ].join('\n');
  expect(openapiCallsInSource('x.ts', text)).toEqual({
    calls: [
      { api: 'wxacode.getUnlimited', file: 'x.ts', line: 1 },
      { api: 'security.imgSecCheck', file: 'x.ts', line: 2 },
    ],
    unreadable: [3],
  });
});

test('collection names are read from COLLECTION.<key> and from string literals', () => {
  const text = "db.collection(COLLECTION.tickets).get(); db.collection('ghost').get(); tx.collection(name).doc(id);";
  expect(collectionUses('y.ts', text, { tickets: 'tickets' }).map((u) => u.name)).toEqual(['tickets', 'ghost']);
});

test('settings that would break production are refused before anything is planned', () => {
  const files = readFunctionFiles(ROOT);
  const rc = files.rc as { functions: Array<Record<string, unknown>> };
  const broken: FunctionFiles = {
    rc: { ...rc, functions: rc.functions.map((f) => (f.name === 'api' ? { ...f, runtime: 'Nodejs8.9' } : f)) },
    configs: { ...files.configs, jobs: { triggers: [{ name: 'sweep', type: 'timer', config: '*/5 * * * *' }] } },
  };
  const values = { TCB_ENV_ID: 'e', SUPER_ADMIN_OPENIDS: 'a', SUBSCRIBE_TEMPLATE_IDS: '{}', MINIPROGRAM_STATE: 'formal', APP_SECRET: 's' };
  expect(() => functionPlans(broken, values)).toThrow(ConfigError);
  try {
    functionPlans(broken, values);
  } catch (error) {
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(/runtime “Nodejs8\.9” 不可用/),
      expect.stringMatching(/触发器 sweep 的 cron “\*\/5 \* \* \* \*” 不是 7 段/),
    ]);
  }
  expect(() => fillPlaceholders('{{env.NOPE}}', values, 'cloudbaserc.json')).toThrow(/未知的占位符 \{\{env\.NOPE\}\}/);
});

test('npm run deploy -- --dry-run prints the whole plan and its checks, and changes nothing', async () => {
  const lines: string[] = [];
  const code = await run(
    ['--dry-run', '--env-file', 'deploy.env.example', '--miniprogram', '--version', '0.9.0', '--desc', 'demo'],
    ROOT,
    (l) => lines.push(l),
  );
  const out = lines.join('\n');
  expect(code).toBe(0);
  for (const c of COLLECTIONS) expect(out).toContain(`  ${c.name}  rule {"read":false,"write":false}`);
  expect(out).toContain('index people_newest: people asc, newestKey desc');
  expect(out).toContain('api  runtime Nodejs18.15, handler index.main, timeout 20 s');
  expect(out).toContain('timer trigger sweep: 0 */5 * * * * *');
  expect(out).toContain('Mini program: upload wx0123456789abcdef version 0.9.0 (“demo”) as robot 1, wx.cloud env yjsb-demo-7g2k9x');
  expect(out).not.toMatch(/ERROR/);
  expect(out).toMatch(/Dry run: nothing was changed\.$/);
});

test('a deploy without credentials stops before reading the environment, naming the key', async () => {
  await expect(run(['--env-file', 'deploy.env.example'], ROOT, () => undefined)).rejects.toThrow(/TCB_SECRET_ID 未填写/);
});
