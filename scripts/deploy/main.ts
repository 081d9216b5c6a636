// `npm run deploy` (and `-- --dry-run`, `-- --miniprogram`): configuration from deploy.env, the
// plan from the code, checks of the plan against the code, then — unless it is a dry run — the
// difference between the environment and the plan, applied. `npm run deploy` builds the bundles
// first (scripts/build.mjs), so the code uploaded is the code checked.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkPlan } from './checks';
import { functionFacts } from './code-facts';
import { ConfigError, loadEnvFile, problem, readConfig } from './config';
import { codeHash, describeChange, diff } from './diff';
import { applyChanges, cloudManager, readState } from './manager';
import { uploadMiniprogram } from './miniprogram';
import { buildPlan, FUNCTION_NAMES, formatPlan, readFunctionFiles, readStorageRule, type Plan } from './plan';

export interface DeployArgs {
  dryRun: boolean;
  miniprogram: boolean;
  recreateFunctions: boolean;
  envFile: string;
  version: string | null;
  desc: string | null;
}

export function parseArgs(argv: readonly string[]): DeployArgs {
  const args: DeployArgs = {
    dryRun: false,
    miniprogram: false,
    recreateFunctions: false,
    envFile: 'deploy.env',
    version: null,
    desc: null,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new ConfigError([`${a} 后面要跟一个值`]);
      i += 1;
      return v;
    };
    if (a === '--dry-run') args.dryRun = true;
    else if (a === '--miniprogram') args.miniprogram = true;
    else if (a === '--recreate-functions') args.recreateFunctions = true;
    else if (a === '--env-file') args.envFile = value();
    else if (a === '--version') args.version = value();
    else if (a === '--desc') args.desc = value();
    else
      throw new ConfigError([
        `不认识的参数 ${a}（可用：--dry-run --miniprogram --env-file <文件> --version <x.y.z> --desc <说明> --recreate-functions）`,
      ]);
  }
  return args;
}

/** A cloud API error in the words of the configuration key that caused it, when one did. */
export function explainCloudError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const message = error instanceof Error ? error.message : String(error);
  if (/SecretIdNotFound|InvalidSecretId/i.test(code + message)) return problem('TCB_SECRET_ID', '不存在或已被删除');
  if (/SignatureFailure|SignatureExpire/i.test(code + message)) return problem('TCB_SECRET_KEY', '与 TCB_SECRET_ID 不匹配（签名失败）');
  if (/UnauthorizedOperation|AuthFailure\.Unauthorized|CAM/i.test(code))
    return problem('TCB_SECRET_ID', '所属账号没有管理该环境的权限（给子账号授予 QcloudTCBFullAccess）');
  if (/ResourceNotFound\.(Env|Environment)|InvalidParameter\.EnvId|EnvNotExist|env not ?found/i.test(code + message)) {
    return problem('TCB_ENV_ID', '在该密钥所属的账号下找不到这个环境');
  }
  return `${code ? `${code}: ` : ''}${message}`;
}

function gitDescription(root: string): string {
  try {
    return execFileSync('git', ['log', '-1', '--format=%h %s'], { cwd: root, encoding: 'utf8' }).trim().slice(0, 80);
  } catch {
    return 'deploy';
  }
}

export async function planFor(root: string, args: DeployArgs, log: (line: string) => void): Promise<{ plan: Plan; ok: boolean }> {
  const values = loadEnvFile(resolve(root, args.envFile));
  const { config, warnings } = readConfig(
    values,
    { credentials: !args.dryRun, templates: !args.dryRun, privateKey: args.miniprogram && !args.dryRun },
    root,
  );
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string };
  const plan = buildPlan({
    config,
    files: readFunctionFiles(root),
    storage: readStorageRule(root),
    miniprogram: args.miniprogram ? { version: args.version ?? pkg.version ?? '0.0.0', desc: args.desc ?? gitDescription(root) } : null,
  });
  const facts = await Promise.all(FUNCTION_NAMES.map((name) => functionFacts(root, name)));
  const result = checkPlan(plan, facts, root);
  log(formatPlan(plan));
  log('');
  log('Checks of the plan against the code:');
  for (const line of result.checked) log(`  ok  ${line}`);
  for (const line of warnings) log(`  warning  ${line}`);
  for (const line of result.warnings) log(`  warning  ${line}`);
  for (const line of result.errors) log(`  ERROR  ${line}`);
  return { plan, ok: result.errors.length === 0 };
}

export async function run(argv: readonly string[], root: string, log: (line: string) => void): Promise<number> {
  const args = parseArgs(argv);
  const { plan, ok } = await planFor(root, args, log);
  if (!ok) {
    log('\n计划与代码不一致，未部署。');
    return 1;
  }
  if (args.dryRun) {
    log('\nDry run: nothing was changed.');
    return 0;
  }
  const { config } = readConfig(
    loadEnvFile(resolve(root, args.envFile)),
    { credentials: true, templates: true, privateKey: args.miniprogram },
    root,
  );
  if (!config.credentials) throw new ConfigError([problem('TCB_SECRET_ID', '未填写')]);
  const manager = cloudManager({ envId: config.envId, ...config.credentials });
  const hashes: Record<string, string> = {};
  for (const fn of plan.functions) {
    hashes[fn.name] = codeHash(fn.files.map((name) => ({ name, content: readFileSync(join(root, 'cloudfunctions', fn.name, name)) })));
  }
  log('\nReading the environment …');
  let changes;
  try {
    changes = diff(plan, await readState(manager, plan), hashes);
  } catch (error) {
    log(`无法读取环境：${explainCloudError(error)}`);
    return 1;
  }
  const recreate = changes.filter((c) => c.kind === 'recreateFunction');
  if (recreate.length > 0 && !args.recreateFunctions) {
    for (const c of recreate) log(`  ${describeChange(c)}`);
    log('云函数的运行时/入口不能原地修改。确认后加 --recreate-functions 重新部署（会删除并重建该函数，定时触发器随之重建）。');
    return 1;
  }
  if (changes.length === 0) log('The environment already matches the plan: nothing to change.');
  else {
    log(`Applying ${changes.length} change(s):`);
    try {
      await applyChanges(changes, manager, join(root, 'cloudfunctions'), log);
    } catch (error) {
      log(`部署中断：${explainCloudError(error)}\n已完成的步骤保留；修正后再次运行 npm run deploy 只会做剩下的部分。`);
      return 1;
    }
  }
  if (changes.some((c) => c.kind === 'createFunction' || c.kind === 'recreateFunction' || c.kind === 'updateFunctionCode')) {
    log('\n云调用权限（config.json 的 permissions.openapi）只在微信开发者工具上传云函数时登记：');
    log(
      '  在开发者工具中右键 cloudfunctions/api 与 cloudfunctions/jobs → 上传并部署：云端安装依赖（函数已按计划的运行时创建，不会被改成 Node 8.9），约 10 分钟生效。',
    );
  }
  if (plan.miniprogram) {
    log('\nUploading the mini program with miniprogram-ci …');
    await uploadMiniprogram(root, config, plan.miniprogram, log);
  }
  return 0;
}
