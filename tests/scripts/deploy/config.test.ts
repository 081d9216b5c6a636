// Deploy configuration: every wrong or missing value is refused with a message that names the
// key and where its value comes from; a dry run tolerates missing secrets and template ids.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, KEYS, loadEnvFile, readConfig, templateEnvKey, templateIdsJson } from '../../../scripts/deploy/config';

const ROOT = join(__dirname, '../../..');
const example = (): Record<string, string> => loadEnvFile(join(ROOT, 'deploy.env.example'));

const complete = (): Record<string, string> => ({
  ...example(),
  TCB_SECRET_ID: 'AKIDtestTESTtest1234567890',
  TCB_SECRET_KEY: 'test-secret-key-0123456789',
  TEMPLATE_TICKET_ACCEPTED: 'tplAcceptedAAAAAAAAAAAAAAAAAAAAAAAAAAAAA01',
  TEMPLATE_TICKET_RESOLVED: 'tplResolvedAAAAAAAAAAAAAAAAAAAAAAAAAAAAA02',
  TEMPLATE_TICKET_REJECTED: 'tplRejectedAAAAAAAAAAAAAAAAAAAAAAAAAAAAA03',
  TEMPLATE_STAFF_NEW_TICKET: 'tplNewTicketAAAAAAAAAAAAAAAAAAAAAAAAAAAA04',
  TEMPLATE_STAFF_ESCALATED: 'tplEscalatedAAAAAAAAAAAAAAAAAAAAAAAAAAAA05',
  APP_SECRET: 'x'.repeat(40),
});

function problemsOf(values: Record<string, string>, needs = {}): string[] {
  try {
    readConfig(values, needs);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

test('the committed example lists every key the code reads, and plans without credentials', () => {
  const values = example();
  for (const spec of KEYS) expect(Object.keys(values)).toContain(spec.key);
  const { config, warnings } = readConfig(values);
  expect(config).toMatchObject({
    envId: 'yjsb-demo-7g2k9x',
    appId: 'wx0123456789abcdef',
    credentials: null,
    operator: 'admin-cli',
    superAdmins: ['admin-cli'],
  });
  expect(warnings).toHaveLength(6);
  expect(warnings[0]).toMatch(/^TEMPLATE_TICKET_ACCEPTED 未填写.*订阅消息/);
  expect(warnings[5]).toMatch(/^APP_SECRET 未填写/);
});

test('a deploy refuses missing secrets and template ids, naming each key and where to get it', () => {
  const problems = problemsOf(example(), { credentials: true, templates: true });
  expect(problems.map((p) => p.split(' ')[0])).toEqual([
    'TCB_SECRET_ID',
    'TCB_SECRET_KEY',
    'TEMPLATE_TICKET_ACCEPTED',
    'TEMPLATE_TICKET_RESOLVED',
    'TEMPLATE_TICKET_REJECTED',
    'TEMPLATE_STAFF_NEW_TICKET',
    'TEMPLATE_STAFF_ESCALATED',
    'APP_SECRET',
  ]);
  expect(problems[0]).toContain('API 密钥管理');
  expect(problemsOf(complete(), { credentials: true, templates: true })).toEqual([]);
});

test.each([
  ['TCB_ENV_ID', '', /TCB_ENV_ID 未填写.*环境 ID/],
  ['TCB_ENV_ID', 'My Env', /TCB_ENV_ID 格式不对/],
  ['WX_APPID', 'touristappid', /WX_APPID 格式不对.*开发设置/],
  ['TCB_SECRET_ID', 'abc', /TCB_SECRET_ID 格式不对（应以 AKID 开头）/],
  ['TCB_SECRET_KEY', 'short', /TCB_SECRET_KEY 太短/],
  ['SUPER_ADMIN_OPENIDS', '', /SUPER_ADMIN_OPENIDS 未填写（至少写上 ADMIN_OPERATOR 的值 admin-cli）/],
  ['SUPER_ADMIN_OPENIDS', 'oAbCdEfGhIjKlMnOpQrStUvWxYz1', /SUPER_ADMIN_OPENIDS 没有包含 ADMIN_OPERATOR（admin-cli）/],
  ['SUPER_ADMIN_OPENIDS', 'admin-cli,bob', /SUPER_ADMIN_OPENIDS 含有不像 openid 的值“bob”/],
  ['TEMPLATE_TICKET_ACCEPTED', 'not an id', /TEMPLATE_TICKET_ACCEPTED 格式不对/],
  ['TEMPLATE_STAFF_ESCALATED_KIND', 'forever', /TEMPLATE_STAFF_ESCALATED_KIND 只能是 one-time 或 long-term/],
  ['MINIPROGRAM_STATE', 'release', /MINIPROGRAM_STATE 只能是 formal、trial 或 developer/],
  ['APP_SECRET', '', /APP_SECRET 未填写.*randomBytes/],
  ['APP_SECRET', 'short-secret', /APP_SECRET 太短（至少 32 个字符）/],
  ['MP_ROBOT', '31', /MP_ROBOT 应为 1–30 的整数/],
])('%s=%j is refused with its own message', (key, value, message) => {
  const problems = problemsOf({ ...complete(), [key]: value }, { credentials: true, templates: true });
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatch(message);
});

test('the operator can never be a WeChat openid, even when listed as a super admin', () => {
  const openid = 'oAbCdEfGhIjKlMnOpQrStUvWxYz1';
  const problems = problemsOf(
    { ...complete(), ADMIN_OPERATOR: openid, SUPER_ADMIN_OPENIDS: openid },
    { credentials: true, templates: true },
  );
  expect(problems).toEqual([expect.stringMatching(/^ADMIN_OPERATOR 格式不对.*never a WeChat openid/)]);
});

test('--miniprogram needs the upload key file', () => {
  expect(problemsOf(complete(), { privateKey: true })).toEqual([expect.stringMatching(/^MP_PRIVATE_KEY_PATH 未填写.*小程序代码上传/)]);
  expect(problemsOf({ ...complete(), MP_PRIVATE_KEY_PATH: 'keys/none.key' }, { privateKey: true })).toEqual([
    expect.stringMatching(/MP_PRIVATE_KEY_PATH 指向的文件不存在/),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'yjsb-key-'));
  writeFileSync(join(dir, 'private.key'), 'key');
  expect(problemsOf({ ...complete(), MP_PRIVATE_KEY_PATH: join(dir, 'private.key') }, { privateKey: true })).toEqual([]);
});

test('a missing env file says how to make one', () => {
  expect(() => loadEnvFile('/nonexistent/deploy.env')).toThrow(/复制 deploy.env.example 为 deploy.env/);
});

test('template ids reach the functions as the JSON config/templates.ts reads, keyed by template', () => {
  const { config } = readConfig(complete());
  expect(JSON.parse(templateIdsJson(config.templates))).toEqual({
    ticketAccepted: 'tplAcceptedAAAAAAAAAAAAAAAAAAAAAAAAAAAAA01',
    ticketResolved: 'tplResolvedAAAAAAAAAAAAAAAAAAAAAAAAAAAAA02',
    ticketRejected: 'tplRejectedAAAAAAAAAAAAAAAAAAAAAAAAAAAAA03',
    staffNewTicket: 'tplNewTicketAAAAAAAAAAAAAAAAAAAAAAAAAAAA04',
    staffEscalated: 'tplEscalatedAAAAAAAAAAAAAAAAAAAAAAAAAAAA05',
  });
  expect(templateEnvKey('staffNewTicket')).toBe('TEMPLATE_STAFF_NEW_TICKET');
  expect(config.templates.find((t) => t.key === 'staffNewTicket')?.kind).toBe('long-term');
});
