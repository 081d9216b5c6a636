// The environment as deploy sees it: a narrow port (EnvManager) over @cloudbase/manager-node,
// the maintained management SDK of CloudBase. readState() reads what exists; applyChanges()
// carries out a diff. Tests drive both through a recording stand-in of the port; the adapter
// below is the only code that talks to the cloud.
import CloudBase from '@cloudbase/manager-node';
import type { IndexSpec } from '../../cloudfunctions/_core/adapters/cloudbase/collections';
import type { Change, CurrentCollection, CurrentFunction, CurrentIndex, CurrentState } from './diff';
import { codeMark, describeChange } from './diff';
import type { FunctionPlan, Plan, StorageRule, TriggerPlan } from './plan';

export interface EnvManager {
  collectionNames(): Promise<string[]>;
  indexes(collection: string): Promise<CurrentIndex[]>;
  collectionRule(collection: string): Promise<{ aclTag: string; rule: string | null } | null>;
  createCollection(collection: string): Promise<void>;
  changeIndexes(collection: string, create: readonly IndexSpec[], drop: readonly string[]): Promise<void>;
  setCollectionRule(collection: string, aclTag: string, rule: string | null): Promise<void>;
  /** null when the function does not exist. */
  fn(name: string): Promise<CurrentFunction | null>;
  createFunction(fn: FunctionPlan, description: string, functionRoot: string): Promise<void>;
  deleteFunction(name: string): Promise<void>;
  updateFunctionConfig(fn: FunctionPlan, description: string): Promise<void>;
  updateFunctionCode(fn: FunctionPlan, functionRoot: string): Promise<void>;
  deleteTrigger(fn: string, trigger: string): Promise<void>;
  createTriggers(fn: string, triggers: readonly TriggerPlan[]): Promise<void>;
  storageRule(): Promise<{ aclTag: string; rule: StorageRule | null } | null>;
  setStorageRule(rule: StorageRule): Promise<void>;
}

export async function readState(manager: EnvManager, plan: Plan): Promise<CurrentState> {
  const names = new Set(await manager.collectionNames());
  const collections: CurrentCollection[] = [];
  for (const c of plan.collections) {
    if (!names.has(c.name)) continue;
    collections.push({ name: c.name, indexes: await manager.indexes(c.name), rule: await manager.collectionRule(c.name) });
  }
  const functions: CurrentFunction[] = [];
  for (const f of plan.functions) {
    const found = await manager.fn(f.name);
    if (found) functions.push(found);
  }
  return { collections, functions, storage: await manager.storageRule() };
}

/** Applies changes in order; the function's description records the code it now runs. */
export async function applyChanges(
  changes: readonly Change[],
  manager: EnvManager,
  functionRoot: string,
  log: (line: string) => void,
): Promise<void> {
  for (const change of changes) {
    log(`  ${describeChange(change)}`);
    switch (change.kind) {
      case 'createCollection':
        await manager.createCollection(change.collection);
        break;
      case 'createIndexes':
        await manager.changeIndexes(change.collection, change.indexes, []);
        break;
      case 'replaceIndexes':
        // An index cannot be altered in place: drop it, then create it with its new fields.
        await manager.changeIndexes(
          change.collection,
          [],
          change.indexes.map((i) => i.name),
        );
        await manager.changeIndexes(change.collection, change.indexes, []);
        break;
      case 'dropIndexes':
        await manager.changeIndexes(change.collection, [], change.names);
        break;
      case 'setCollectionRule':
        await manager.setCollectionRule(change.collection, change.aclTag, change.rule);
        break;
      case 'createFunction':
        await manager.createFunction(change.fn, codeMark(change.codeHash), functionRoot);
        break;
      case 'recreateFunction':
        await manager.deleteFunction(change.fn.name);
        await manager.createFunction(change.fn, codeMark(change.codeHash), functionRoot);
        break;
      case 'updateFunctionConfig': {
        const current = await manager.fn(change.fn.name);
        await manager.updateFunctionConfig(change.fn, current?.description ?? '');
        break;
      }
      case 'updateFunctionCode':
        await manager.updateFunctionCode(change.fn, functionRoot);
        await manager.updateFunctionConfig(change.fn, codeMark(change.codeHash));
        break;
      case 'setTriggers':
        for (const name of change.remove) await manager.deleteTrigger(change.fn.name, name);
        if (change.add.length > 0) await manager.createTriggers(change.fn.name, change.add);
        break;
      case 'setStorageRule':
        await manager.setStorageRule(change.rule);
        break;
    }
  }
}

interface SdkIndexKey {
  Name?: string;
  Direction?: string;
}
interface SdkIndex {
  Name: string;
  Keys?: SdkIndexKey[];
  Unique?: boolean;
}
interface SdkFunction {
  Runtime?: string;
  Handler?: string;
  Timeout?: number;
  MemorySize?: number;
  InstallDependency?: string;
  Description?: string;
  Environment?: { Variables?: Array<{ Key: string; Value: string }> };
  Triggers?: Array<{ TriggerName?: string; Type?: string; TriggerDesc?: string }>;
}

const errorCode = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';

/** A timer trigger's cron as SCF reports it: TriggerDesc is `{"cron":"…"}` (or the bare cron). */
export function cronOf(desc: string | undefined): string {
  if (!desc) return '';
  try {
    const parsed = JSON.parse(desc) as { cron?: unknown };
    return typeof parsed.cron === 'string' ? parsed.cron : desc;
  } catch {
    return desc;
  }
}

/** The adapter over @cloudbase/manager-node; one instance per deploy. */
export function cloudManager(options: { envId: string; secretId: string; secretKey: string }): EnvManager {
  const app = new CloudBase({ envId: options.envId, secretId: options.secretId, secretKey: options.secretKey });
  const tcb = app.commonService('tcb', '2018-06-08');
  const fnConfig = (fn: FunctionPlan, description: string) => ({
    name: fn.name,
    description,
    timeout: fn.timeout,
    memorySize: fn.memorySize,
    runtime: fn.runtime,
    handler: fn.handler,
    installDependency: fn.installDependency,
    envVariables: { ...fn.envVariables },
    ignore: ['*.ts', 'node_modules', 'node_modules/**'],
  });
  return {
    async collectionNames() {
      const names: string[] = [];
      for (let offset = 0; ; offset += 100) {
        const page = await app.database.listCollections({ MgoLimit: 100, MgoOffset: offset });
        names.push(...page.Collections.map((c) => c.CollectionName));
        if (page.Collections.length < 100) return names;
      }
    },
    async indexes(collection) {
      const info = await app.database.describeCollection(collection);
      return ((info.Indexes ?? []) as unknown as SdkIndex[]).map((i) => ({
        name: i.Name,
        fields: (i.Keys ?? []).map((k): readonly [string, 1 | -1] => [k.Name ?? '', k.Direction === '-1' ? -1 : 1]),
        unique: i.Unique === true,
      }));
    },
    async collectionRule(collection) {
      const res = (await tcb.call({ Action: 'DescribeSafeRule', Param: { EnvId: options.envId, CollectionName: collection } })) as {
        AclTag?: string;
        Rule?: string | null;
      };
      return res.AclTag ? { aclTag: res.AclTag, rule: res.Rule ?? null } : null;
    },
    async createCollection(collection) {
      await app.database.createCollectionIfNotExists(collection);
    },
    async changeIndexes(collection, create, drop) {
      await app.database.updateCollection(collection, {
        CreateIndexes: create.map((i) => ({
          IndexName: i.name,
          MgoKeySchema: { MgoIndexKeys: i.fields.map(([Name, d]) => ({ Name, Direction: String(d) })), MgoIsUnique: i.unique === true },
        })),
        DropIndexes: drop.map((IndexName) => ({ IndexName })),
      });
    },
    async setCollectionRule(collection, aclTag, rule) {
      await tcb.call({
        Action: 'ModifySafeRule',
        Param: { EnvId: options.envId, CollectionName: collection, AclTag: aclTag, ...(rule ? { Rule: rule } : {}) },
      });
    },
    async fn(name) {
      let d: SdkFunction;
      try {
        d = (await app.functions.getFunctionDetail(name)) as unknown as SdkFunction;
      } catch (error) {
        if (errorCode(error).startsWith('ResourceNotFound')) return null;
        throw error;
      }
      const envVariables: Record<string, string> = {};
      for (const v of d.Environment?.Variables ?? []) envVariables[v.Key] = v.Value;
      return {
        name,
        runtime: d.Runtime ?? '',
        handler: d.Handler ?? '',
        timeout: d.Timeout ?? 0,
        memorySize: d.MemorySize ?? 0,
        installDependency: d.InstallDependency === 'TRUE',
        envVariables,
        triggers: (d.Triggers ?? [])
          .filter((t) => t.Type === 'timer')
          .map((t) => ({ name: t.TriggerName ?? '', type: 'timer' as const, config: cronOf(t.TriggerDesc) })),
        description: d.Description ?? '',
      };
    },
    async createFunction(fn, description, functionRoot) {
      // Created here with the planned runtime: never by miniprogram-ci, which would pick Nodejs8.9.
      await app.functions.createFunction({
        func: { ...fnConfig(fn, description), triggers: [] },
        functionRootPath: functionRoot,
        force: false,
      });
    },
    async deleteFunction(name) {
      await app.functions.deleteFunction(name);
    },
    async updateFunctionConfig(fn, description) {
      await app.functions.updateFunctionConfig(fnConfig(fn, description));
    },
    async updateFunctionCode(fn, functionRoot) {
      await app.functions.updateFunctionCode({ func: fnConfig(fn, ''), functionRootPath: functionRoot });
    },
    async deleteTrigger(fn, trigger) {
      await app.functions.deleteFunctionTrigger(fn, trigger);
    },
    async createTriggers(fn, triggers) {
      await app.functions.createFunctionTriggers(
        fn,
        triggers.map((t) => ({ name: t.name, type: t.type, config: t.config })),
      );
    },
    async storageRule() {
      const res = await app.storage.getStorageAcl({ withRule: true });
      const rule = res.rule ? { read: res.rule.read, write: res.rule.write } : null;
      return { aclTag: res.acl, rule };
    },
    async setStorageRule(rule) {
      await app.storage.setStorageAcl('CUSTOM', { read: rule.read, write: rule.write });
    },
  };
}
