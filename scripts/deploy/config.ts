// The deploy and admin configuration: one git-ignored env file (deploy.env, from the committed
// deploy.env.example). Every key is described once here — what it is and where to get it — so a
// missing or wrong value is answered with a message that names the key and the place to find it.
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { TEMPLATE_KEYS, type TemplateKey } from '../../cloudfunctions/_core/config/templates';

export type TemplateKind = 'one-time' | 'long-term';
export type MiniprogramState = 'formal' | 'trial' | 'developer';

export interface KeySpec {
  readonly key: string;
  readonly what: string;
  readonly where: string;
}

/** The environment variable of a template id, e.g. ticketAccepted → TEMPLATE_TICKET_ACCEPTED. */
export const templateEnvKey = (key: TemplateKey): string => `TEMPLATE_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

const TEMPLATE_WHERE = '微信公众平台 → 功能 → 订阅消息 → 我的模板 → 详情 → 模板 ID（字段见 README「Go live」）';

export const KEYS: readonly KeySpec[] = [
  {
    key: 'TCB_ENV_ID',
    what: 'the CloudBase environment id',
    where: '微信开发者工具 → 云开发 → 设置 → 环境 ID（或腾讯云 CloudBase 控制台 → 环境列表）',
  },
  {
    key: 'WX_APPID',
    what: 'the mini program AppID (wx + 16 hex characters)',
    where: '微信公众平台 → 开发管理 → 开发设置 → 开发者 ID → AppID(小程序ID)',
  },
  {
    key: 'TCB_SECRET_ID',
    what: 'the SecretId of a Tencent Cloud API key allowed to manage the environment (QcloudTCBFullAccess)',
    where: '腾讯云控制台 → 访问管理 → API 密钥管理（console.cloud.tencent.com/cam/capi）；建议用只授权云开发的子账号',
  },
  { key: 'TCB_SECRET_KEY', what: 'the SecretKey of that API key', where: '同 TCB_SECRET_ID，创建密钥时显示一次' },
  {
    key: 'SUPER_ADMIN_OPENIDS',
    what: 'comma-separated super admins: ADMIN_OPERATOR plus any openids that must be super admins without an invite',
    where: '先只写 ADMIN_OPERATOR 的值；真人超级管理员用 `npm run admin -- invite --role superAdmin …` 生成邀请码绑定',
  },
  {
    key: 'ADMIN_OPERATOR',
    what: 'the identity the admin CLI acts as (letters, digits and -, never a WeChat openid); must be listed in SUPER_ADMIN_OPENIDS',
    where: '自定，例如 admin-cli；记录在它创建的邀请上',
  },
  ...TEMPLATE_KEYS.map((key) => ({ key: templateEnvKey(key), what: `the subscription template id of ${key}`, where: TEMPLATE_WHERE })),
  ...TEMPLATE_KEYS.map((key) => ({
    key: `${templateEnvKey(key)}_KIND`,
    what: `one-time or long-term: how the ${key} template was registered (long-term only for 政务民生 and similar categories)`,
    where: '订阅消息 → 选用模板时的类型（一次性订阅 / 长期订阅）',
  })),
  {
    key: 'APP_SECRET',
    what: "a random secret (at least 32 characters) the functions derive their keys from: each user's photo folder (no fileID carries an openid) and the opaque tokens they hand out; never change it after going live",
    where: "自己生成，例如 `node -e \"console.log(require('crypto').randomBytes(32).toString('hex'))\"`",
  },
  {
    key: 'MINIPROGRAM_STATE',
    what: 'which mini program version subscription messages open: formal, trial or developer',
    where: '正式上线用 formal；体验版测试用 trial',
  },
  {
    key: 'MP_PRIVATE_KEY_PATH',
    what: 'path of the code-upload private key (only for --miniprogram)',
    where: '微信公众平台 → 开发管理 → 开发设置 → 小程序代码上传 → 生成/重置上传密钥（并配置 IP 白名单或关闭白名单）',
  },
  { key: 'MP_ROBOT', what: 'which CI robot (1–30) uploads the mini program', where: '任取 1–30，默认 1；体验版列表里显示为「ci机器人N」' },
];

const spec = (key: string): KeySpec => KEYS.find((k) => k.key === key) ?? { key, what: key, where: 'README「Go live」' };

/** One line naming the key, what is wrong, what it is and where to get it. */
export function problem(key: string, wrong: string): string {
  const s = spec(key);
  return `${key} ${wrong}: ${s.what}. 获取方式：${s.where}`;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`配置有误（${problems.length} 项）:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads an env file (KEY=value lines); a missing file is a configuration error with the fix. */
export function loadEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) {
    throw new ConfigError([`${path} 不存在: 复制 deploy.env.example 为 deploy.env 并按注释填写（deploy.env 已被 git 忽略，不会提交）`]);
  }
  const parsed = parseEnv(readFileSync(path, 'utf8')) as Record<string, string | undefined>;
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string') values[key] = value.trim();
  return values;
}

export interface TemplateConfig {
  readonly key: TemplateKey;
  readonly envKey: string;
  readonly id: string | null;
  readonly kind: TemplateKind;
}

export interface DeployConfig {
  readonly envId: string;
  readonly appId: string;
  readonly credentials: { readonly secretId: string; readonly secretKey: string } | null;
  readonly superAdmins: readonly string[];
  readonly operator: string;
  readonly templates: readonly TemplateConfig[];
  readonly miniprogramState: MiniprogramState;
  /** Null in a dry run without it (the plan shows it masked anyway). */
  readonly uploadSecret: string | null;
  readonly privateKeyPath: string | null;
  readonly robot: number;
}

/** What the run needs beyond the plan: credentials for the cloud, ids for a real deploy, the upload key. */
export interface Needs {
  readonly credentials?: boolean;
  readonly templates?: boolean;
  readonly privateKey?: boolean;
}

export interface ReadConfig {
  readonly config: DeployConfig;
  /** Things a dry run tolerates but a deploy would refuse. */
  readonly warnings: readonly string[];
}

const ENV_ID = /^[a-z][a-z0-9-]{3,39}$/;
const APPID = /^wx[0-9a-f]{16}$/;
const OPERATOR = /^[a-z][a-z0-9-]{2,31}$/;
/** A WeChat openid: 28 URL-safe characters; the operator must never look like one. */
const OPENID = /^[A-Za-z0-9_-]{20,64}$/;
const TEMPLATE_ID = /^[A-Za-z0-9_-]{20,64}$/;
const SECRET_ID = /^AKID[A-Za-z0-9]{10,60}$/;

export function readConfig(values: Record<string, string | undefined>, needs: Needs = {}, cwd = process.cwd()): ReadConfig {
  const problems: string[] = [];
  const warnings: string[] = [];
  const get = (key: string): string => (values[key] ?? '').trim();

  const envId = get('TCB_ENV_ID');
  if (!envId) problems.push(problem('TCB_ENV_ID', '未填写'));
  else if (!ENV_ID.test(envId)) problems.push(problem('TCB_ENV_ID', `格式不对（“${envId}”）`));

  const appId = get('WX_APPID');
  if (!appId) problems.push(problem('WX_APPID', '未填写'));
  else if (!APPID.test(appId)) problems.push(problem('WX_APPID', `格式不对（“${appId}”，应为 wx 加 16 位十六进制）`));

  const secretId = get('TCB_SECRET_ID');
  const secretKey = get('TCB_SECRET_KEY');
  let credentials: DeployConfig['credentials'] = null;
  const secretProblems: string[] = [];
  if (!secretId) secretProblems.push(problem('TCB_SECRET_ID', '未填写'));
  else if (!SECRET_ID.test(secretId)) secretProblems.push(problem('TCB_SECRET_ID', '格式不对（应以 AKID 开头）'));
  if (!secretKey) secretProblems.push(problem('TCB_SECRET_KEY', '未填写'));
  else if (secretKey.length < 16) secretProblems.push(problem('TCB_SECRET_KEY', '太短，像是没有复制完整'));
  if (secretProblems.length === 0) credentials = { secretId, secretKey };
  else if (needs.credentials) problems.push(...secretProblems);

  const operator = get('ADMIN_OPERATOR') || 'admin-cli';
  if (!OPERATOR.test(operator))
    problems.push(problem('ADMIN_OPERATOR', `格式不对（“${operator}”：小写字母开头，3–32 位小写字母、数字或 -）`));
  const superAdmins = get('SUPER_ADMIN_OPENIDS')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (superAdmins.length === 0) problems.push(problem('SUPER_ADMIN_OPENIDS', `未填写（至少写上 ADMIN_OPERATOR 的值 ${operator}）`));
  else if (!superAdmins.includes(operator))
    problems.push(
      problem(
        'SUPER_ADMIN_OPENIDS',
        `没有包含 ADMIN_OPERATOR（${operator}）：管理命令行以它的身份操作，须与小程序里的超级管理员同样被检查`,
      ),
    );
  for (const id of superAdmins) {
    if (id !== operator && !OPENID.test(id)) problems.push(problem('SUPER_ADMIN_OPENIDS', `含有不像 openid 的值“${id}”`));
  }

  const templates: TemplateConfig[] = TEMPLATE_KEYS.map((key) => {
    const envKey = templateEnvKey(key);
    const id = get(envKey);
    const kindRaw = get(`${envKey}_KIND`) || 'one-time';
    let kind: TemplateKind = 'one-time';
    if (kindRaw === 'one-time' || kindRaw === 'long-term') kind = kindRaw;
    else problems.push(problem(`${envKey}_KIND`, `只能是 one-time 或 long-term（现在是“${kindRaw}”）`));
    if (!id) (needs.templates ? problems : warnings).push(problem(envKey, '未填写（不填则该通知发送失败）'));
    else if (!TEMPLATE_ID.test(id)) problems.push(problem(envKey, `格式不对（“${id}”）`));
    return { key, envKey, id: id || null, kind };
  });

  const stateRaw = get('MINIPROGRAM_STATE') || 'formal';
  let miniprogramState: MiniprogramState = 'formal';
  if (stateRaw === 'formal' || stateRaw === 'trial' || stateRaw === 'developer') miniprogramState = stateRaw;
  else problems.push(problem('MINIPROGRAM_STATE', `只能是 formal、trial 或 developer（现在是“${stateRaw}”）`));

  const uploadSecret = get('APP_SECRET');
  if (!uploadSecret) (needs.credentials ? problems : warnings).push(problem('APP_SECRET', '未填写'));
  else if (uploadSecret.length < 32) problems.push(problem('APP_SECRET', '太短（至少 32 个字符）'));

  const keyPath = get('MP_PRIVATE_KEY_PATH');
  if (needs.privateKey) {
    if (!keyPath) problems.push(problem('MP_PRIVATE_KEY_PATH', '未填写（--miniprogram 需要）'));
    else if (!existsSync(keyPath.startsWith('/') ? keyPath : `${cwd}/${keyPath}`))
      problems.push(problem('MP_PRIVATE_KEY_PATH', `指向的文件不存在（${keyPath}）`));
  }

  const robotRaw = get('MP_ROBOT') || '1';
  const robot = Number(robotRaw);
  if (!Number.isInteger(robot) || robot < 1 || robot > 30) problems.push(problem('MP_ROBOT', `应为 1–30 的整数（现在是“${robotRaw}”）`));

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    config: {
      envId,
      appId,
      credentials,
      superAdmins,
      operator,
      templates,
      miniprogramState,
      uploadSecret: uploadSecret || null,
      privateKeyPath: keyPath || null,
      robot,
    },
    warnings,
  };
}

/** The SUBSCRIBE_TEMPLATE_IDS value the functions read (config/templates.ts): only the ids that are set. */
export function templateIdsJson(templates: readonly TemplateConfig[]): string {
  const ids: Record<string, string> = {};
  for (const t of templates) if (t.id) ids[t.key] = t.id;
  return JSON.stringify(ids);
}
