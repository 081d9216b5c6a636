// A second deploy changes only what differs. The environment is played by an in-memory stand-in
// of the management API (EnvManager: the port deploy uses over @cloudbase/manager-node), so the
// whole read → diff → apply loop runs offline: a first deploy creates everything, a second one
// finds nothing to do, and a drifted environment gets exactly the changes that bring it back.
import { join } from 'node:path';
import type { IndexSpec } from '../../../cloudfunctions/_core/adapters/cloudbase/collections';
import { loadEnvFile, readConfig } from '../../../scripts/deploy/config';
import { aclOf, codeHash, codeMark, describeChange, diff, type CurrentFunction, type CurrentIndex } from '../../../scripts/deploy/diff';
import { explainCloudError } from '../../../scripts/deploy/main';
import { applyChanges, cronOf, readState, type EnvManager } from '../../../scripts/deploy/manager';
import {
  buildPlan,
  readFunctionFiles,
  readStorageRule,
  type FunctionPlan,
  type Plan,
  type StorageRule,
  type TriggerPlan,
} from '../../../scripts/deploy/plan';

const ROOT = join(__dirname, '../../..');

/** The environment: collections with indexes and rules, functions, the storage rule; every call recorded. */
class FakeEnv implements EnvManager {
  collections = new Map<string, { indexes: CurrentIndex[]; rule: { aclTag: string; rule: string | null } | null }>();
  functions = new Map<string, CurrentFunction>();
  storage: { aclTag: string; rule: StorageRule | null } = { aclTag: 'READONLY', rule: null };
  calls: string[] = [];

  async collectionNames() {
    return [...this.collections.keys()];
  }
  async indexes(c: string) {
    return this.collections.get(c)?.indexes ?? [];
  }
  async collectionRule(c: string) {
    return this.collections.get(c)?.rule ?? null;
  }
  async createCollection(c: string) {
    this.calls.push(`createCollection ${c}`);
    this.collections.set(c, { indexes: [{ name: '_id_', fields: [['_id', 1]], unique: true }], rule: { aclTag: 'PRIVATE', rule: null } });
  }
  async changeIndexes(c: string, create: readonly IndexSpec[], drop: readonly string[]) {
    this.calls.push(`changeIndexes ${c} +${create.map((i) => i.name).join(',')} -${drop.join(',')}`);
    const col = this.collections.get(c);
    if (!col) throw Object.assign(new Error('Db or Table not exist'), { code: 'ResourceNotFound' });
    col.indexes = col.indexes.filter((i) => !drop.includes(i.name));
    for (const i of create) {
      if (col.indexes.some((h) => h.name === i.name)) throw new Error(`index ${i.name} exists`);
      col.indexes.push({ name: i.name, fields: i.fields, unique: Boolean(i.unique) });
    }
  }
  async setCollectionRule(c: string, aclTag: string, rule: string | null) {
    this.calls.push(`setCollectionRule ${c} ${aclTag}`);
    const col = this.collections.get(c);
    if (col) col.rule = { aclTag, rule };
  }
  async fn(name: string) {
    return this.functions.get(name) ?? null;
  }
  private record(fn: FunctionPlan, description: string, triggers: readonly TriggerPlan[]): CurrentFunction {
    return {
      name: fn.name,
      runtime: fn.runtime,
      handler: fn.handler,
      timeout: fn.timeout,
      memorySize: fn.memorySize,
      installDependency: fn.installDependency,
      envVariables: { ...fn.envVariables },
      triggers: [...triggers],
      description,
    };
  }
  async createFunction(fn: FunctionPlan, description: string) {
    this.calls.push(`createFunction ${fn.name} ${fn.runtime}`);
    if (this.functions.has(fn.name)) throw Object.assign(new Error('exists'), { code: 'ResourceInUse.Function' });
    this.functions.set(fn.name, this.record(fn, description, []));
  }
  async deleteFunction(name: string) {
    this.calls.push(`deleteFunction ${name}`);
    this.functions.delete(name);
  }
  async updateFunctionConfig(fn: FunctionPlan, description: string) {
    this.calls.push(`updateFunctionConfig ${fn.name}`);
    const have = this.functions.get(fn.name);
    if (!have) throw new Error('no function');
    // Like SCF's UpdateFunctionConfiguration: runtime and handler stay as created.
    this.functions.set(fn.name, { ...this.record(fn, description, have.triggers), runtime: have.runtime, handler: have.handler });
  }
  async updateFunctionCode(fn: FunctionPlan) {
    this.calls.push(`updateFunctionCode ${fn.name}`);
  }
  async deleteTrigger(fn: string, trigger: string) {
    this.calls.push(`deleteTrigger ${fn} ${trigger}`);
    const have = this.functions.get(fn);
    if (have) this.functions.set(fn, { ...have, triggers: have.triggers.filter((t) => t.name !== trigger) });
  }
  async createTriggers(fn: string, triggers: readonly TriggerPlan[]) {
    this.calls.push(`createTriggers ${fn} ${triggers.map((t) => t.name).join(',')}`);
    const have = this.functions.get(fn);
    if (!have) throw new Error('no function');
    for (const t of triggers) if (have.triggers.some((h) => h.name === t.name)) throw new Error(`trigger ${t.name} exists`);
    this.functions.set(fn, { ...have, triggers: [...have.triggers, ...triggers] });
  }
  async storageRule() {
    return this.storage;
  }
  async setStorageRule(rule: StorageRule) {
    this.calls.push('setStorageRule');
    this.storage = { aclTag: 'CUSTOM', rule };
  }
}

const plan: Plan = buildPlan({
  config: readConfig(loadEnvFile(join(ROOT, 'deploy.env.example'))).config,
  files: readFunctionFiles(ROOT),
  storage: readStorageRule(ROOT),
  miniprogram: null,
});
const hashes = { api: 'aaaaaaaaaaaaaaaa', jobs: 'bbbbbbbbbbbbbbbb' };

async function deploy(env: FakeEnv, codeHashes: Record<string, string> = hashes): Promise<string[]> {
  const changes = diff(plan, await readState(env, plan), codeHashes);
  env.calls = [];
  await applyChanges(changes, env, '/functions', () => undefined);
  return changes.map(describeChange);
}

test('a first deploy creates every collection with its indexes and rule, both functions, the timers and the storage rule', async () => {
  const env = new FakeEnv();
  const changes = await deploy(env);
  expect(changes.filter((c) => c.startsWith('create collection'))).toHaveLength(plan.collections.length);
  expect(env.calls).toContain('createFunction api Nodejs18.15');
  expect(env.calls).toContain('createTriggers jobs sweep,deliver,autoClose,figures');
  expect(env.calls).toContain('setCollectionRule tickets ADMINONLY');
  for (const c of plan.collections)
    expect(env.collections.get(c.name)?.indexes.map((i) => i.name)).toEqual(['_id_', ...c.indexes.map((i) => i.name)]);
  expect(env.functions.get('api')?.description).toBe(codeMark('aaaaaaaaaaaaaaaa'));
  expect(env.storage).toEqual({ aclTag: 'CUSTOM', rule: plan.storage });
});

test('a second deploy of the same code and plan changes nothing', async () => {
  const env = new FakeEnv();
  await deploy(env);
  expect(await deploy(env)).toEqual([]);
  expect(env.calls).toEqual([]);
});

test('a drifted environment gets exactly the changes that bring it back', async () => {
  const env = new FakeEnv();
  await deploy(env);
  const tickets = env.collections.get('tickets');
  if (!tickets) throw new Error('no tickets');
  tickets.indexes = tickets.indexes
    .filter((i) => i.name !== 'status_sweep')
    .map((i) => (i.name === 'no_unique' ? { ...i, unique: false } : i));
  tickets.indexes.push({ name: 'old_index', fields: [['gridCode', 1]], unique: false });
  tickets.rule = { aclTag: 'READONLY', rule: null };
  env.collections.delete('grants');
  const jobs = env.functions.get('jobs');
  if (!jobs) throw new Error('no jobs');
  env.functions.set('jobs', {
    ...jobs,
    timeout: 3,
    envVariables: { ...jobs.envVariables, MINIPROGRAM_STATE: 'trial' },
    triggers: jobs.triggers.map((t) => (t.name === 'deliver' ? { ...t, config: '0 */10 * * * * *' } : t)),
  });
  const changes = await deploy(env, { ...hashes, api: 'cccccccccccccccc' });
  expect(changes).toEqual([
    'create indexes on tickets: status_sweep',
    'replace indexes on tickets (fields changed): no_unique',
    'drop indexes on tickets no longer declared: old_index',
    'set security rule of tickets: ADMINONLY',
    'create collection grants',
    'set security rule of grants: ADMINONLY',
    'upload code of api (cccccccccccccccc)',
    'update function jobs settings: timeout, envVariables',
    'timer triggers of jobs: remove deliver, add deliver 0 * * * * * *',
  ]);
  expect(await deploy(env, { ...hashes, api: 'cccccccccccccccc' })).toEqual([]);
});

test('a function created with the wrong runtime is recreated, never patched', async () => {
  const env = new FakeEnv();
  await deploy(env);
  const api = env.functions.get('api');
  if (!api) throw new Error('no api');
  env.functions.set('api', { ...api, runtime: 'Nodejs8.9' });
  const changes = diff(plan, await readState(env, plan), hashes);
  expect(changes.map((c) => c.kind)).toEqual(['recreateFunction']);
  expect(describeChange(changes[0]!)).toMatch(/it runs Nodejs8\.9 index\.main, the plan says Nodejs18\.15/);
  await applyChanges(changes, env, '/functions', () => undefined);
  expect(env.functions.get('api')?.runtime).toBe('Nodejs18.15');
});

test('rules, cron descriptions and code hashes are read the way CloudBase reports them', () => {
  expect(aclOf({ read: false, write: false })).toEqual({ aclTag: 'ADMINONLY', rule: null });
  expect(aclOf({ read: true, write: false })).toEqual({ aclTag: 'ADMINWRITE', rule: null });
  expect(cronOf('{"cron":"0 */5 * * * * *"}')).toBe('0 */5 * * * * *');
  expect(cronOf('0 * * * * * *')).toBe('0 * * * * * *');
  const a = codeHash([
    { name: 'index.js', content: 'x' },
    { name: 'config.json', content: '{}' },
  ]);
  expect(a).toMatch(/^[0-9a-f]{16}$/);
  expect(
    codeHash([
      { name: 'config.json', content: '{}' },
      { name: 'index.js', content: 'x' },
    ]),
  ).toBe(a);
  expect(
    codeHash([
      { name: 'index.js', content: 'y' },
      { name: 'config.json', content: '{}' },
    ]),
  ).not.toBe(a);
});

test('cloud errors are answered in terms of the configuration key behind them', () => {
  expect(explainCloudError(Object.assign(new Error('x'), { code: 'AuthFailure.SecretIdNotFound' }))).toMatch(/^TCB_SECRET_ID 不存在/);
  expect(explainCloudError(Object.assign(new Error('x'), { code: 'AuthFailure.SignatureFailure' }))).toMatch(
    /^TCB_SECRET_KEY 与 TCB_SECRET_ID 不匹配/,
  );
  expect(explainCloudError(Object.assign(new Error('x'), { code: 'ResourceNotFound.Env' }))).toMatch(
    /^TCB_ENV_ID 在该密钥所属的账号下找不到这个环境/,
  );
  expect(explainCloudError(Object.assign(new Error('boom'), { code: 'InternalError' }))).toBe('InternalError: boom');
});
