// `npm run admin -- …`: what comes before anyone has a role in the mini program — the first
// super admin invite, the grids, a look at the staff, the figures. Against the cloud with the
// API key pair of deploy.env, or with --local against the embedded local cloud (same commands).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { demoGeoJson } from '../../cloudfunctions/_local/demo/grids';
import { loadEnvFile, readConfig } from '../deploy/config';
import { exportFigures, importGrids, invite, listStaff, parseOptions, UsageError, type Io, type Options } from './commands';
import { cloudTarget, localServerRunning, localTarget, type Target } from './target';

export const USAGE = `用法: npm run admin -- [--local [--data-dir .data]] [--env-file deploy.env] <命令>

  invite --role <角色> --scope <种类=值>      生成邀请码（含二维码），例如
                                             invite --role superAdmin --scope district=张店区
  grids import <文件.geojson> --crs gcj02|wgs84  导入网格（与小程序同一校验，输出变更摘要）
  grids demo [--out 文件]                    输出演示社区的 GeoJSON
  staff                                      列出已绑定的工作人员
  figures --from 2026-11-01 --to 2026-11-30 [--scope district=张店区] [--out 文件.csv|.json]
                                             导出统计数据

--local 在本机的嵌入式本地云上执行（数据目录默认 .data，与 npm start 相同；先停止 npm start）。
不加 --local 时使用 deploy.env 里的 TCB_ENV_ID 与 API 密钥，以 ADMIN_OPERATOR 的身份操作。`;

interface Global {
  local: boolean;
  dataDir: string | null;
  envFile: string;
  rest: string[];
}

function globalOptions(argv: readonly string[]): Global {
  const g: Global = { local: false, dataDir: '.data', envFile: 'deploy.env', rest: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i] ?? '';
    if (a === '--local') g.local = true;
    else if (a === '--data-dir') g.dataDir = argv[(i += 1)] ?? '.data';
    else if (a === '--memory') g.dataDir = null;
    else if (a === '--env-file') g.envFile = argv[(i += 1)] ?? 'deploy.env';
    else g.rest.push(a);
  }
  return g;
}

async function openTarget(g: Global, root: string): Promise<Target> {
  const envPath = resolve(root, g.envFile);
  if (!g.local) {
    const { config } = readConfig(loadEnvFile(envPath), { credentials: true }, root);
    return cloudTarget(config);
  }
  // Locally the env file is optional; when present, its operator is checked like in the cloud.
  const local = existsSync(envPath) ? readConfig(loadEnvFile(envPath), {}, root).config : null;
  const operator = local?.operator ?? 'admin-cli';
  const port = Number(process.env.PORT ?? 8787);
  // npm start keeps its data in DATA_DIR (default .data): two processes must not write one file.
  const startsData = resolve(root, process.env.DATA_DIR ?? '.data');
  if (g.dataDir !== null && resolve(root, g.dataDir) === startsData && (await localServerRunning(port))) {
    throw new UsageError(`npm start 正在 127.0.0.1:${port} 上运行并占用数据目录：先停止它，或用 --data-dir 指定另一个目录`);
  }
  return localTarget({ dataDir: g.dataDir, operator, superAdmins: local?.superAdmins ?? [operator] });
}

export async function run(
  argv: readonly string[],
  root: string,
  io: Io,
  open: (g: Global) => Promise<Target> = (g) => openTarget(g, root),
): Promise<number> {
  const g = globalOptions(argv);
  const o: Options = parseOptions(g.rest);
  const [command, sub] = o.positional;
  if (!command || command === 'help' || o.flags.help) {
    io.out(USAGE);
    return command ? 0 : 1;
  }
  if (command === 'grids' && sub === 'demo') {
    const text = `${JSON.stringify(demoGeoJson(), null, 2)}\n`;
    const out = o.flags.out?.[0];
    if (out) {
      io.writeFile(out, text);
      io.out(`已写入 ${out}（GCJ-02，导入时用 --crs gcj02）`);
    } else io.out(text.trimEnd());
    return 0;
  }
  const commands: Record<string, (t: Target) => Promise<unknown>> = {
    invite: (t) => invite(t.call, o, io),
    staff: (t) => listStaff(t.call, o, io),
    figures: (t) => exportFigures(t.call, o, io),
    'grids import': (t) => importGrids(t.call, { ...o, positional: o.positional.slice(2) }, io),
  };
  const key = command === 'grids' ? `grids ${sub ?? ''}` : command;
  const action = commands[key];
  if (!action) throw new UsageError(`不认识的命令“${[command, sub].filter(Boolean).join(' ')}”\n\n${USAGE}`);
  const target = await open(g);
  try {
    io.out(`[${target.where}]`);
    await action(target);
  } finally {
    await target.close();
  }
  return 0;
}
