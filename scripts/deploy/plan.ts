// The deployment plan: every resource and its settings, built from the configuration and from
// the files that describe the system — the one list of collections (adapters/cloudbase/
// collections.ts, read at run time), cloudbaserc.json (runtime, handler, timeout, memory, env
// variables), each function's config.json (open-API permissions, 7-field cron timer triggers,
// the format the WeChat devtools read too) and the storage rule. A dry run prints it; a deploy
// compares it with the environment and changes only what differs (diff.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, type IndexSpec, type SecurityRule } from '../../cloudfunctions/_core/adapters/cloudbase/collections';
import { TEMPLATE_FIELDS, type TemplateKey } from '../../cloudfunctions/_core/config/templates';
import { ConfigError, templateIdsJson, type DeployConfig, type TemplateKind } from './config';
import { isRecord } from '../../cloudfunctions/_core/domain/guards';

export const FUNCTION_NAMES = ['api', 'jobs'] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

/** Runtimes CloudBase offers that load wx-server-sdk 4 (miniprogram-ci would create Nodejs8.9). */
export const SUPPORTED_RUNTIMES = ['Nodejs16.13', 'Nodejs18.15'] as const;

export interface TriggerPlan {
  readonly name: string;
  readonly type: 'timer';
  /** 7 fields: second minute hour day month week year. */
  readonly config: string;
}

export interface FunctionPlan {
  readonly name: FunctionName;
  readonly runtime: string;
  readonly handler: string;
  readonly timeout: number;
  readonly memorySize: number;
  readonly installDependency: boolean;
  readonly envVariables: Readonly<Record<string, string>>;
  readonly triggers: readonly TriggerPlan[];
  readonly openapi: readonly string[];
  /** Files uploaded, relative to the function folder. */
  readonly files: readonly string[];
}

export interface CollectionPlan {
  readonly name: string;
  readonly indexes: readonly IndexSpec[];
  readonly rule: SecurityRule;
}

export interface StorageRule {
  readonly read: boolean | string;
  readonly write: boolean | string;
}

export interface TemplatePlan {
  readonly key: TemplateKey;
  readonly id: string | null;
  readonly kind: TemplateKind;
  readonly fields: readonly string[];
}

export interface MiniprogramPlan {
  readonly appId: string;
  readonly version: string;
  readonly desc: string;
  readonly robot: number;
  readonly env: string;
}

export interface Plan {
  readonly envId: string;
  readonly collections: readonly CollectionPlan[];
  readonly functions: readonly FunctionPlan[];
  readonly storage: StorageRule;
  readonly templates: readonly TemplatePlan[];
  readonly miniprogram: MiniprogramPlan | null;
}

interface RcFunction {
  name?: unknown;
  runtime?: unknown;
  handler?: unknown;
  timeout?: unknown;
  memorySize?: unknown;
  installDependency?: unknown;
  envVariables?: unknown;
  triggers?: unknown;
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8')) as unknown;

/** `{{env.KEY}}` placeholders (the CloudBase CLI's syntax) filled from the computed values. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>, where: string): string {
  return text.replace(/\{\{\s*env\.([A-Z0-9_]+)\s*\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new ConfigError([`${where} 使用了未知的占位符 {{env.${key}}}`]);
    return value;
  });
}

/** A 7-field cron (second minute hour day month week year), as CloudBase timer triggers take. */
export const isSevenFieldCron = (cron: string): boolean => cron.trim().split(/\s+/).length === 7;

export interface FunctionFiles {
  /** cloudbaserc.json */
  readonly rc: unknown;
  /** cloudfunctions/<name>/config.json */
  readonly configs: Readonly<Record<FunctionName, unknown>>;
}

export function readFunctionFiles(root: string): FunctionFiles {
  return {
    rc: readJson(join(root, 'cloudbaserc.json')),
    configs: { api: readJson(join(root, 'cloudfunctions/api/config.json')), jobs: readJson(join(root, 'cloudfunctions/jobs/config.json')) },
  };
}

export function functionPlans(files: FunctionFiles, values: Readonly<Record<string, string>>): FunctionPlan[] {
  const problems: string[] = [];
  const rcFunctions = isRecord(files.rc) && Array.isArray(files.rc.functions) ? (files.rc.functions as RcFunction[]) : [];
  const plans: FunctionPlan[] = [];
  for (const name of FUNCTION_NAMES) {
    const where = `cloudbaserc.json (${name})`;
    const rc = rcFunctions.find((f) => f.name === name);
    if (!rc) {
      problems.push(`${where}: 缺少函数 ${name} 的设置`);
      continue;
    }
    const runtime = typeof rc.runtime === 'string' ? rc.runtime : '';
    if (!(SUPPORTED_RUNTIMES as readonly string[]).includes(runtime)) {
      problems.push(`${where}: runtime “${runtime}” 不可用，应为 ${SUPPORTED_RUNTIMES.join(' 或 ')}（Nodejs8.9 加载不了 wx-server-sdk 4）`);
    }
    const timeout = typeof rc.timeout === 'number' ? rc.timeout : 3;
    if (!Number.isInteger(timeout) || timeout < 1 || timeout > 900) problems.push(`${where}: timeout 应为 1–900 秒`);
    if (rc.triggers !== undefined) problems.push(`${where}: 定时触发器只写在 cloudfunctions/${name}/config.json（一处来源）`);
    const envVariables: Record<string, string> = {};
    if (isRecord(rc.envVariables)) {
      for (const [key, raw] of Object.entries(rc.envVariables)) envVariables[key] = fillPlaceholders(String(raw), values, where);
    }
    const fnConfig = files.configs[name];
    const permissions = isRecord(fnConfig) && isRecord(fnConfig.permissions) ? fnConfig.permissions : {};
    const openapi = Array.isArray(permissions.openapi) ? permissions.openapi.filter((a): a is string => typeof a === 'string') : [];
    const rawTriggers = isRecord(fnConfig) && Array.isArray(fnConfig.triggers) ? (fnConfig.triggers as unknown[]) : [];
    const triggers: TriggerPlan[] = [];
    for (const t of rawTriggers) {
      if (!isRecord(t) || typeof t.name !== 'string' || t.type !== 'timer' || typeof t.config !== 'string') {
        problems.push(`cloudfunctions/${name}/config.json: 触发器应为 { name, type: "timer", config }`);
        continue;
      }
      if (!isSevenFieldCron(t.config))
        problems.push(`cloudfunctions/${name}/config.json: 触发器 ${t.name} 的 cron “${t.config}” 不是 7 段（秒 分 时 日 月 星期 年）`);
      triggers.push({ name: t.name, type: 'timer', config: t.config });
    }
    plans.push({
      name,
      runtime,
      handler: typeof rc.handler === 'string' ? rc.handler : 'index.main',
      timeout,
      memorySize: typeof rc.memorySize === 'number' ? rc.memorySize : 256,
      installDependency: rc.installDependency !== false,
      envVariables,
      triggers,
      openapi: [...openapi].sort(),
      files: ['index.js', 'package.json', 'config.json'],
    });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return plans;
}

export interface PlanInputs {
  readonly config: DeployConfig;
  readonly files: FunctionFiles;
  readonly storage: StorageRule;
  readonly miniprogram: { version: string; desc: string } | null;
}

/** The values `{{env.KEY}}` placeholders of cloudbaserc.json may name. */
export function placeholderValues(config: DeployConfig): Record<string, string> {
  return {
    TCB_ENV_ID: config.envId,
    SUPER_ADMIN_OPENIDS: config.superAdmins.join(','),
    SUBSCRIBE_TEMPLATE_IDS: templateIdsJson(config.templates),
    MINIPROGRAM_STATE: config.miniprogramState,
    APP_SECRET: config.uploadSecret ?? '',
  };
}

export function buildPlan(inputs: PlanInputs): Plan {
  const { config } = inputs;
  return {
    envId: config.envId,
    collections: COLLECTIONS.map((c) => ({ name: c.name, indexes: c.indexes, rule: c.rule })),
    functions: functionPlans(inputs.files, placeholderValues(config)),
    storage: inputs.storage,
    templates: config.templates.map((t) => ({ key: t.key, id: t.id, kind: t.kind, fields: TEMPLATE_FIELDS[t.key] })),
    miniprogram: inputs.miniprogram
      ? { appId: config.appId, version: inputs.miniprogram.version, desc: inputs.miniprogram.desc, robot: config.robot, env: config.envId }
      : null,
  };
}

export function readStorageRule(root: string): StorageRule {
  const rule = readJson(join(root, 'scripts/deploy/storage-rules.json'));
  if (!isRecord(rule) || !('read' in rule) || !('write' in rule))
    throw new ConfigError(['scripts/deploy/storage-rules.json 应为 { "read": …, "write": … }']);
  const part = (v: unknown): boolean | string => (typeof v === 'boolean' || typeof v === 'string' ? v : false);
  return { read: part(rule.read), write: part(rule.write) };
}

const indexText = (i: IndexSpec): string =>
  `${i.name}${i.unique ? ' (unique)' : ''}: ${i.fields.map(([f, d]) => `${f} ${d === 1 ? 'asc' : 'desc'}`).join(', ')}`;
const ruleText = (r: { read: boolean | string; write: boolean | string }): string => JSON.stringify({ read: r.read, write: r.write });

/** The plan as text: what a dry run prints. */
export function formatPlan(plan: Plan): string {
  const out: string[] = [];
  out.push(`Deployment plan for CloudBase environment ${plan.envId}`);
  out.push('');
  out.push(`Collections (${plan.collections.length}), each with its security rule and indexes:`);
  for (const c of plan.collections) {
    out.push(`  ${c.name}  rule ${ruleText(c.rule)}`);
    for (const i of c.indexes) out.push(`    index ${indexText(i)}`);
  }
  out.push('');
  out.push(`Cloud functions (${plan.functions.length}):`);
  for (const f of plan.functions) {
    out.push(
      `  ${f.name}  runtime ${f.runtime}, handler ${f.handler}, timeout ${f.timeout} s, memory ${f.memorySize} MB, ${f.installDependency ? '云端安装依赖' : 'no dependency install'}`,
    );
    out.push(`    files: ${f.files.join(', ')}`);
    out.push(`    openapi permissions: ${f.openapi.length > 0 ? f.openapi.join(', ') : '(none)'}`);
    // Secrets are set, never printed.
    for (const [k, v] of Object.entries(f.envVariables))
      out.push(`    env ${k}=${/SECRET/.test(k) ? (v ? '(set, hidden)' : '(not set)') : v}`);
    for (const t of f.triggers) out.push(`    timer trigger ${t.name}: ${t.config}`);
  }
  out.push('');
  out.push(`Storage rule: ${ruleText(plan.storage)}`);
  out.push('');
  out.push('Subscription templates (registered by hand, README «Go live»):');
  for (const t of plan.templates) out.push(`  ${t.key}  ${t.id ?? '(not set)'}  ${t.kind}  fields ${t.fields.join(', ')}`);
  out.push('');
  if (plan.miniprogram) {
    const m = plan.miniprogram;
    out.push(`Mini program: upload ${m.appId} version ${m.version} (“${m.desc}”) as robot ${m.robot}, wx.cloud env ${m.env}`);
  } else {
    out.push('Mini program: not uploaded (add --miniprogram)');
  }
  return out.join('\n');
}
