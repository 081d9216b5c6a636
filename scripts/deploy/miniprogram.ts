// `--miniprogram`: the mini program uploaded with miniprogram-ci (the devtools' own CI module).
// The committed project carries placeholders (appid touristappid, env your-env-id, template ids
// equal to their keys), so the upload is made from a staged copy that carries the deployment's
// AppID, environment and template ids; the working tree is never edited. Cloud functions are
// not uploaded here: miniprogram-ci would create them with Node 8.9 (deploy does them itself).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeployConfig } from './config';
import type { MiniprogramPlan } from './plan';

const RESIDENT_TEMPLATES = ['ticketAccepted', 'ticketResolved', 'ticketRejected'] as const;

/** miniprogram/config.ts with the deployment's env id and template ids; fails if its shape changed. */
export function stagedAppConfig(source: string, config: DeployConfig): string {
  const envPattern = /env: '[^']*'/;
  if (!envPattern.test(source)) throw new Error("miniprogram/config.ts 里找不到 env: '…'：请同步修改 scripts/deploy/miniprogram.ts");
  let out = source.replace(envPattern, `env: '${config.envId}'`);
  for (const key of RESIDENT_TEMPLATES) {
    const pattern = new RegExp(`${key}: '[^']*'`);
    if (!pattern.test(out)) throw new Error(`miniprogram/config.ts 里找不到 ${key}: '…'：请同步修改 scripts/deploy/miniprogram.ts`);
    const id = config.templates.find((t) => t.key === key)?.id ?? key;
    out = out.replace(pattern, `${key}: '${id}'`);
  }
  return out;
}

/** Copies the project (mini program, project.config.json) to a temporary folder with the deployment's values. */
export function stageProject(root: string, config: DeployConfig): string {
  if (!existsSync(join(root, 'miniprogram/miniprogram_npm')))
    throw new Error('miniprogram/miniprogram_npm 不存在：先运行 npm run pack-npm');
  const dir = mkdtempSync(join(tmpdir(), 'yjsb-mp-'));
  cpSync(join(root, 'miniprogram'), join(dir, 'miniprogram'), { recursive: true });
  const projectConfig = JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8')) as Record<string, unknown>;
  projectConfig.appid = config.appId;
  delete projectConfig.cloudfunctionRoot;
  writeFileSync(join(dir, 'project.config.json'), `${JSON.stringify(projectConfig, null, 2)}\n`);
  const appConfigPath = join(dir, 'miniprogram/config.ts');
  writeFileSync(appConfigPath, stagedAppConfig(readFileSync(appConfigPath, 'utf8'), config));
  return dir;
}

export async function uploadMiniprogram(
  root: string,
  config: DeployConfig,
  plan: MiniprogramPlan,
  log: (line: string) => void,
): Promise<void> {
  if (!config.privateKeyPath) throw new Error('MP_PRIVATE_KEY_PATH 未填写');
  const dir = stageProject(root, config);
  try {
    // Loaded only here: the package is large and only --miniprogram needs it.
    const ci = (await import('miniprogram-ci')) as typeof import('miniprogram-ci');
    const project = new ci.Project({
      appid: plan.appId,
      type: 'miniProgram',
      projectPath: dir,
      privateKeyPath: config.privateKeyPath.startsWith('/') ? config.privateKeyPath : join(root, config.privateKeyPath),
      ignores: ['node_modules/**/*'],
    });
    const result = await ci.upload({
      project,
      version: plan.version,
      desc: plan.desc,
      robot: plan.robot,
      setting: { useProjectConfig: true },
      onProgressUpdate: (task) => {
        if (typeof task !== 'string' && task.status === 'done') log(`  ${task.message}`);
      },
    });
    const sizes = (result.subPackageInfo ?? []).map((p) => `${p.name} ${(p.size / 1024).toFixed(0)} KB`).join(', ');
    log(`  uploaded ${plan.version}${sizes ? `: ${sizes}` : ''}; 在公众平台 → 版本管理 选为体验版或提交审核`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
