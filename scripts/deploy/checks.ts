// The plan checked against the code, so CI fails before a deployment would fail in production:
// every open-API call a function's bundle contains is declared in its config.json (else
// -604101 at run time), every collection the code names is created with a security rule (else
// -502005), indexes are well-formed, and the jobs function has a timer for every job it runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTION } from '../../cloudfunctions/_core/adapters/cloudbase/collections';
import { JOBS } from '../../cloudfunctions/_core/app/jobs/handle-jobs';
import { collectionUses, type FunctionFacts } from './code-facts';
import type { Plan } from './plan';

export interface CheckResult {
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  /** What was checked, for the dry run's closing lines. */
  readonly checked: readonly string[];
}

export function checkPlan(plan: Plan, facts: readonly FunctionFacts[], root: string): CheckResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const checked: string[] = [];

  // Open-API permissions, per function, from the files its bundle contains.
  for (const fn of plan.functions) {
    const fact = facts.find((f) => f.name === fn.name);
    if (!fact) {
      errors.push(`${fn.name}: 没有读到它的打包内容`);
      continue;
    }
    for (const spot of fact.unreadable)
      errors.push(`${spot}: 读不出这里调用的 openapi 接口名（请写成 openapi.<类>.<方法>(…) 或 openapi as { <类>: { <方法>(…) } }）`);
    const used = [...new Set(fact.openapi.map((c) => c.api))].sort();
    for (const api of used) {
      if (!fn.openapi.includes(api)) {
        const at = fact.openapi
          .filter((c) => c.api === api)
          .map((c) => `${c.file}:${c.line}`)
          .join(', ');
        errors.push(`cloudfunctions/${fn.name}/config.json: permissions.openapi 缺少 ${api}（${at} 调用了它；不声明会报 -604101）`);
      }
    }
    for (const api of fn.openapi)
      if (!used.includes(api)) warnings.push(`cloudfunctions/${fn.name}/config.json: 声明了 ${api}，但 ${fn.name} 的代码没有调用它`);
    checked.push(
      `${fn.name}: ${used.length} open-API call(s) in ${fact.inputs.length} bundled files, all declared: ${used.join(', ') || '(none)'}`,
    );
  }

  // Collections: the COLLECTION map and the plan agree, and every name the code uses is planned with a rule.
  const planned = new Map(plan.collections.map((c) => [c.name, c]));
  if (planned.size !== plan.collections.length) errors.push('collections.ts: 集合名称重复');
  for (const name of Object.values(COLLECTION))
    if (!planned.has(name)) errors.push(`collections.ts: COLLECTION.${name} 不在 COLLECTIONS 列表里（部署不会创建它，调用会报 -502005）`);
  const files = [...new Set(facts.flatMap((f) => f.inputs))];
  let uses = 0;
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    if (!text.includes('COLLECTION') && !text.includes('.collection(')) continue;
    for (const use of collectionUses(file, text, COLLECTION)) {
      uses += 1;
      if (!planned.has(use.name))
        errors.push(`${use.file}:${use.line}: 集合 ${use.name} 不在 COLLECTIONS 列表里（部署不会创建它，调用会报 -502005）`);
    }
  }
  for (const c of plan.collections) {
    if (typeof c.rule.read !== 'boolean' || typeof c.rule.write !== 'boolean') errors.push(`集合 ${c.name}: 缺少安全规则`);
    const names = new Set<string>();
    for (const index of c.indexes) {
      if (names.has(index.name)) errors.push(`集合 ${c.name}: 索引名 ${index.name} 重复`);
      names.add(index.name);
      if (!/^[A-Za-z0-9_]{1,64}$/.test(index.name)) errors.push(`集合 ${c.name}: 索引名 ${index.name} 只能含字母、数字和下划线`);
      if (index.fields.length === 0) errors.push(`集合 ${c.name}: 索引 ${index.name} 没有字段`);
      if (index.fields.some(([f]) => f === '_id') && index.fields.length === 1)
        errors.push(`集合 ${c.name}: 索引 ${index.name} 只含 _id（_id 本身已有索引）`);
    }
  }
  checked.push(
    `collections: ${plan.collections.length} planned with rules and ${plan.collections.reduce((n, c) => n + c.indexes.length, 0)} indexes; ${uses} uses in the bundled code all planned`,
  );

  // Timers: the jobs function runs what its triggers name, and every job has a trigger.
  const jobs = plan.functions.find((f) => f.name === 'jobs');
  const jobNames = Object.keys(JOBS).sort();
  if (jobs) {
    const triggerNames = jobs.triggers.map((t) => t.name);
    for (const name of jobNames)
      if (!triggerNames.includes(name)) errors.push(`cloudfunctions/jobs/config.json: 任务 ${name} 没有定时触发器`);
    for (const name of triggerNames)
      if (!jobNames.includes(name)) errors.push(`cloudfunctions/jobs/config.json: 触发器 ${name} 没有对应的任务（handle-jobs.ts 的 JOBS）`);
    checked.push(`jobs: timers for ${jobNames.join(', ')}`);
  }
  for (const fn of plan.functions)
    if (fn.name !== 'jobs' && fn.triggers.length > 0) errors.push(`cloudfunctions/${fn.name}/config.json: 只有 jobs 应该有定时触发器`);

  return { errors, warnings, checked };
}
