// A second deploy changes only what differs: the environment's current state (read through the
// EnvManager port, manager.ts) is compared with the plan, and the result is a list of changes,
// each one small enough to apply and to print. Code is compared by a hash of the uploaded
// files, kept in the function's description (CloudBase keeps no such hash of its own).
import { createHash } from 'node:crypto';
import type { IndexSpec, SecurityRule } from '../../cloudfunctions/_core/adapters/cloudbase/collections';
import type { FunctionPlan, Plan, StorageRule, TriggerPlan } from './plan';

export interface CurrentIndex {
  readonly name: string;
  readonly fields: ReadonlyArray<readonly [string, 1 | -1]>;
  readonly unique: boolean;
}

export interface CurrentCollection {
  readonly name: string;
  readonly indexes: readonly CurrentIndex[];
  /** null when the environment could not tell (treated as different). */
  readonly rule: { readonly aclTag: string; readonly rule: string | null } | null;
}

export interface CurrentFunction {
  readonly name: string;
  readonly runtime: string;
  readonly handler: string;
  readonly timeout: number;
  readonly memorySize: number;
  readonly installDependency: boolean;
  readonly envVariables: Readonly<Record<string, string>>;
  readonly triggers: readonly TriggerPlan[];
  readonly description: string;
}

export interface CurrentState {
  readonly collections: readonly CurrentCollection[];
  readonly functions: readonly CurrentFunction[];
  readonly storage: { readonly aclTag: string; readonly rule: StorageRule | null } | null;
}

export type Change =
  | { kind: 'createCollection'; collection: string }
  | { kind: 'createIndexes'; collection: string; indexes: readonly IndexSpec[] }
  | { kind: 'replaceIndexes'; collection: string; indexes: readonly IndexSpec[] }
  | { kind: 'dropIndexes'; collection: string; names: readonly string[] }
  | { kind: 'setCollectionRule'; collection: string; aclTag: string; rule: string | null }
  | { kind: 'createFunction'; fn: FunctionPlan; codeHash: string }
  /** CloudBase cannot change a function's runtime or handler: only deleting and creating it again can. */
  | { kind: 'recreateFunction'; fn: FunctionPlan; codeHash: string; was: string }
  | { kind: 'updateFunctionConfig'; fn: FunctionPlan; fields: readonly string[] }
  | { kind: 'updateFunctionCode'; fn: FunctionPlan; codeHash: string }
  | { kind: 'setTriggers'; fn: FunctionPlan; remove: readonly string[]; add: readonly TriggerPlan[] }
  | { kind: 'setStorageRule'; rule: StorageRule };

/** How a collection rule is expressed in CloudBase: closed rules use the simple ADMINONLY tag. */
export function aclOf(rule: SecurityRule): { aclTag: string; rule: string | null } {
  if (!rule.read && !rule.write) return { aclTag: 'ADMINONLY', rule: null };
  if (rule.read && !rule.write) return { aclTag: 'ADMINWRITE', rule: null };
  return { aclTag: 'CUSTOM', rule: JSON.stringify({ read: rule.read, write: rule.write }) };
}

const sameRule = (a: string | null, b: string | null): boolean => {
  if (a === b) return true;
  if (a === null || b === null) return false;
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return false;
  }
};

const sameIndex = (want: IndexSpec, have: CurrentIndex): boolean =>
  Boolean(want.unique) === have.unique &&
  want.fields.length === have.fields.length &&
  want.fields.every(([f, d], i) => have.fields[i]?.[0] === f && have.fields[i]?.[1] === d);

/** The description that records which code a function runs. */
export const codeMark = (hash: string): string => `yjsb code ${hash}`;
export const markedHash = (description: string): string | null => /yjsb code ([0-9a-f]{16})/.exec(description)?.[1] ?? null;

export function codeHash(files: ReadonlyArray<{ name: string; content: Buffer | string }>): string {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => a.name.localeCompare(b.name))) h.update(f.name).update('\0').update(f.content).update('\0');
  return h.digest('hex').slice(0, 16);
}

const SCALAR_FIELDS = ['timeout', 'memorySize', 'installDependency'] as const;

function sameVariables(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

function configDifferences(want: FunctionPlan, have: CurrentFunction): string[] {
  const fields: string[] = SCALAR_FIELDS.filter((f) => want[f] !== have[f]);
  if (!sameVariables(want.envVariables, have.envVariables)) fields.push('envVariables');
  return fields;
}

/** Changes that take the environment from `current` to `plan`; none when they agree. */
export function diff(plan: Plan, current: CurrentState, codeHashes: Readonly<Record<string, string>>): Change[] {
  const changes: Change[] = [];
  for (const c of plan.collections) {
    const have = current.collections.find((x) => x.name === c.name);
    if (!have) {
      changes.push({ kind: 'createCollection', collection: c.name });
      if (c.indexes.length > 0) changes.push({ kind: 'createIndexes', collection: c.name, indexes: c.indexes });
      const acl = aclOf(c.rule);
      changes.push({ kind: 'setCollectionRule', collection: c.name, ...acl });
      continue;
    }
    const missing = c.indexes.filter((i) => !have.indexes.some((h) => h.name === i.name));
    const changed = c.indexes.filter((i) => have.indexes.some((h) => h.name === i.name && !sameIndex(i, h)));
    const extra = have.indexes.filter((h) => h.name !== '_id_' && !c.indexes.some((i) => i.name === h.name)).map((h) => h.name);
    if (missing.length > 0) changes.push({ kind: 'createIndexes', collection: c.name, indexes: missing });
    if (changed.length > 0) changes.push({ kind: 'replaceIndexes', collection: c.name, indexes: changed });
    if (extra.length > 0) changes.push({ kind: 'dropIndexes', collection: c.name, names: extra });
    const acl = aclOf(c.rule);
    if (!have.rule || have.rule.aclTag !== acl.aclTag || (acl.aclTag === 'CUSTOM' && !sameRule(have.rule.rule, acl.rule))) {
      changes.push({ kind: 'setCollectionRule', collection: c.name, ...acl });
    }
  }
  for (const fn of plan.functions) {
    const have = current.functions.find((f) => f.name === fn.name);
    const hash = codeHashes[fn.name] ?? '';
    if (!have) {
      changes.push({ kind: 'createFunction', fn, codeHash: hash });
      if (fn.triggers.length > 0) changes.push({ kind: 'setTriggers', fn, remove: [], add: fn.triggers });
      continue;
    }
    if (have.runtime !== fn.runtime || have.handler !== fn.handler) {
      changes.push({ kind: 'recreateFunction', fn, codeHash: hash, was: `${have.runtime} ${have.handler}` });
      if (fn.triggers.length > 0) changes.push({ kind: 'setTriggers', fn, remove: [], add: fn.triggers });
      continue;
    }
    const fields = configDifferences(fn, have);
    if (fields.length > 0) changes.push({ kind: 'updateFunctionConfig', fn, fields });
    if (markedHash(have.description) !== hash) changes.push({ kind: 'updateFunctionCode', fn, codeHash: hash });
    const remove = have.triggers.filter((t) => !fn.triggers.some((w) => w.name === t.name && w.config === t.config)).map((t) => t.name);
    const add = fn.triggers.filter((w) => !have.triggers.some((t) => t.name === w.name && t.config === w.config));
    if (remove.length > 0 || add.length > 0) changes.push({ kind: 'setTriggers', fn, remove, add });
  }
  const storage = current.storage;
  const wantStorage = JSON.stringify({ read: plan.storage.read, write: plan.storage.write });
  if (
    !storage ||
    storage.aclTag !== 'CUSTOM' ||
    !storage.rule ||
    JSON.stringify({ read: storage.rule.read, write: storage.rule.write }) !== wantStorage
  ) {
    changes.push({ kind: 'setStorageRule', rule: plan.storage });
  }
  return changes;
}

export function describeChange(change: Change): string {
  switch (change.kind) {
    case 'createCollection':
      return `create collection ${change.collection}`;
    case 'createIndexes':
      return `create indexes on ${change.collection}: ${change.indexes.map((i) => i.name).join(', ')}`;
    case 'replaceIndexes':
      return `replace indexes on ${change.collection} (fields changed): ${change.indexes.map((i) => i.name).join(', ')}`;
    case 'dropIndexes':
      return `drop indexes on ${change.collection} no longer declared: ${change.names.join(', ')}`;
    case 'setCollectionRule':
      return `set security rule of ${change.collection}: ${change.aclTag}${change.rule ? ` ${change.rule}` : ''}`;
    case 'createFunction':
      return `create function ${change.fn.name} (${change.fn.runtime}) and upload its code ${change.codeHash}`;
    case 'recreateFunction':
      return `delete and create function ${change.fn.name} again: it runs ${change.was}, the plan says ${change.fn.runtime} ${change.fn.handler} (CloudBase cannot change either in place)`;
    case 'updateFunctionConfig':
      return `update function ${change.fn.name} settings: ${change.fields.join(', ')}`;
    case 'updateFunctionCode':
      return `upload code of ${change.fn.name} (${change.codeHash})`;
    case 'setTriggers':
      return `timer triggers of ${change.fn.name}: ${[...change.remove.map((n) => `remove ${n}`), ...change.add.map((t) => `add ${t.name} ${t.config}`)].join(', ')}`;
    case 'setStorageRule':
      return `set storage rule ${JSON.stringify(change.rule)}`;
  }
}
