// The admin CLI against the embedded local cloud: the same commands as against CloudBase, each
// an action of the api function called as ADMIN_OPERATOR, who is a super admin only because the
// configuration lists it (checked by resolveActor like any configured openid).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { handleApi } from '../../../cloudfunctions/_core/app/handle-api';
import { demoGeoJson } from '../../../cloudfunctions/_local/demo/grids';
import { startLocalServer } from '../../../cloudfunctions/_local/server';
import { figuresCsv, type Io } from '../../../scripts/admin/commands';
import { run } from '../../../scripts/admin/main';
import { cloudTarget, localServerRunning, localTarget, type Target } from '../../../scripts/admin/target';
import { readConfig, loadEnvFile } from '../../../scripts/deploy/config';

const ROOT = join(__dirname, '../../..');
jest.setTimeout(60_000);

function io(): Io & { lines: string[]; files: Map<string, string> } {
  const lines: string[] = [];
  const files = new Map<string, string>([['demo.geojson', JSON.stringify(demoGeoJson())]]);
  return {
    lines,
    files,
    out: (l) => lines.push(l),
    writeFile: (p, c) => files.set(p, c),
    readFile: (p) => files.get(p) ?? readFileSync(p, 'utf8'),
  };
}

let dataDir: string;
const local =
  (operator = 'admin-cli', superAdmins = ['admin-cli']) =>
  (): Promise<Target> =>
    localTarget({ dataDir, operator, superAdmins });
const admin = (argv: string[], out = io(), open = local()) => run(['--local', ...argv], ROOT, out, open).then(() => out);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'yjsb-admin-'));
  const out = io();
  await run(['grids', 'demo', '--out', 'demo.geojson'], ROOT, out);
  expect(JSON.parse(out.files.get('demo.geojson') ?? '')).toEqual(demoGeoJson());
  const imported = await admin(['grids', 'import', 'demo.geojson', '--crs', 'gcj02'], out);
  expect(imported.lines).toContain('新增网格 6 个，替换已有网格 0 个（gcj02 → GCJ-02）');
});

test('the first super admin invite: code and QR in the terminal; redeeming it makes a super admin', async () => {
  const out = await admin(['invite', '--role', 'superAdmin', '--scope', 'district=张店区']);
  const code = /^邀请码 {2}([A-Z0-9]{8})$/.exec(out.lines[1] ?? '')?.[1];
  if (!code) throw new Error(`no code in ${out.lines.join('\n')}`);
  expect(out.lines).toContain('角色    superAdmin（区 张店区）');
  expect(out.lines.join('\n')).toContain(
    (await QRCode.toString(code, { type: 'terminal', small: true, errorCorrectionLevel: 'M' })).trimEnd(),
  );
  // The person scans it with their phone and binds; then the data folder says they are a super admin.
  const server = await startLocalServer({ port: 0, dataDir, seed: false, superAdmins: [] });
  try {
    const bound = await handleApi(
      { action: 'staff.bind', params: { inviteCode: code, displayName: '超级管理员' } },
      { openid: 'oRealPersonOpenid0000000000a' },
      server.deps,
    );
    expect(bound).toEqual({ ok: true, data: { role: 'superAdmin', scope: { district: '张店区' } } });
    const invite = server.cloud.snapshot().invites?.find((d) => d._id === code);
    expect(invite).toMatchObject({ createdBy: 'admin-cli', role: 'superAdmin' });
  } finally {
    await server.close();
  }
  const staff = await admin(['staff']);
  expect(staff.lines).toContain('工作人员 1 人（超级管理员见 SUPER_ADMIN_OPENIDS）');
  expect(staff.lines.join('\n')).toMatch(new RegExp(`${code} {2}superAdmin +区 张店区`));
  expect(staff.lines.join('\n')).not.toContain('oRealPersonOpenid');
});

test('an import goes through the same validation and change summary as the mini program', async () => {
  const bad = io();
  bad.files.set(
    'bad.geojson',
    JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: '无编号' }, geometry: { type: 'Point', coordinates: [118, 36] } }],
    }),
  );
  await expect(admin(['grids', 'import', 'bad.geojson', '--crs', 'gcj02'], bad)).rejects.toThrow(
    /^admin\.grids\.import 被拒绝（INVALID_INPUT）：/,
  );
  const again = await admin(['grids', 'import', 'demo.geojson', '--crs', 'gcj02']);
  expect(again.lines).toContain('新增网格 0 个，替换已有网格 6 个（gcj02 → GCJ-02）');
  const notJson = io();
  notJson.files.set('x.geojson', '{');
  await expect(admin(['grids', 'import', 'x.geojson', '--crs', 'gcj02'], notJson)).rejects.toThrow(/^读不了 x\.geojson/);
});

test('an operator the configuration does not list is refused by the same role check as anyone', async () => {
  await expect(admin(['invite', '--role', 'districtAdmin', '--scope', 'district=张店区'], io(), local('admin-cli', []))).rejects.toThrow(
    /admin\.invites\.create 被拒绝（FORBIDDEN）/,
  );
  await expect(admin(['grids', 'import', 'demo.geojson', '--crs', 'gcj02'], io(), local('someone-else', ['admin-cli']))).rejects.toThrow(
    /FORBIDDEN/,
  );
});

test('figures export: the summary line, and the same numbers as CSV or JSON', async () => {
  const out = await admin(['figures', '--from', '2026-11-01', '--to', '2026-11-30', '--scope', 'district=张店区', '--out', 'nov.csv']);
  expect(out.lines).toContain('已写入 nov.csv');
  expect(out.lines[out.lines.length - 1]).toMatch(/^2026-11-01 至 2026-11-30（区 张店区）: 受理 0\/0，办结率 —/);
  const csv = out.files.get('nov.csv') ?? '';
  expect(csv.split('\n')[0]).toBe(
    'section,key,name,received,accepted,resolved,closed,rejected,closureRate,onTimeRate,satisfactionRate,medianAcceptMinutes,medianResolveMinutes,openOverdue',
  );
  expect(csv.split('\n')[1]).toBe('total,,,0,0,0,0,0,,,,,,0');
  const json = await admin(['figures', '--from', '2026-11-01', '--to', '2026-11-30', '--out', 'nov.json']);
  expect(figuresCsv(JSON.parse(json.files.get('nov.json') ?? '{}') as Api.StatsSummary)).toBe(csv);
  await expect(admin(['figures', '--from', '2026-11-01'])).rejects.toThrow(/缺少 --to/);
});

test('usage mistakes are answered with what to type', async () => {
  await expect(admin(['invite', '--role', 'gridWorker'])).rejects.toThrow(/缺少 --scope/);
  await expect(admin(['invite', '--role', 'gridWorker', '--scope', 'village=x'])).rejects.toThrow(/--scope 的种类只能是/);
  await expect(admin(['frobnicate'])).rejects.toThrow(/不认识的命令“frobnicate”/);
  const help = io();
  expect(await run([], ROOT, help)).toBe(1);
  expect(help.lines[0]).toMatch(/^用法: npm run admin --/);
});

test('the cloud target runs the same stores with the key pair and environment of deploy.env', async () => {
  const values = {
    ...loadEnvFile(join(ROOT, 'deploy.env.example')),
    TCB_SECRET_ID: 'AKIDtestTESTtest1234567890',
    TCB_SECRET_KEY: 'test-secret-key-0123456789',
    APP_SECRET: 'a'.repeat(32),
  };
  const { config } = readConfig(values, { credentials: true });
  const env: NodeJS.ProcessEnv = {};
  const target = cloudTarget(config, env);
  expect(env).toEqual({
    TCB_ENV: 'yjsb-demo-7g2k9x',
    TENCENTCLOUD_SECRETID: 'AKIDtestTESTtest1234567890',
    TENCENTCLOUD_SECRETKEY: 'test-secret-key-0123456789',
  });
  expect(target.where).toBe('CloudBase 环境 yjsb-demo-7g2k9x');
  await target.close();
});

test('the CLI will not write the data folder while npm start serves it', async () => {
  const server = await startLocalServer({ port: 0, dataDir: null, seed: false });
  try {
    expect(await localServerRunning(server.port)).toBe(true);
  } finally {
    await server.close();
  }
  expect(await localServerRunning(server.port)).toBe(false);
});
