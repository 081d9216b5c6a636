// Builds AdminAnswers (support/admin-answers.ts) by running the real server: the demo community
// and its street with staff bound under their names, three weeks of reports handled (some late,
// escalated, patrol finds and 代报, rated), the figures job run, and the admins' invites — then
// what each admin page asks for at ANSWERS_NOW.
import { ADMIN, bindStaff, reportParams, startTestApp, type TestApp } from '../../support/app';
import { createDepartment, importNeighbourAreas } from '../../support/flows';
import { demoGeoJson, demoPointIn } from '../../../cloudfunctions/_local/demo/grids';
import { ANSWERS_NOW } from './real-answers';
import type { AdminAnswers } from './admin-answers';

const WORKERS = ['zhang-yan', 'wang-qiang', 'li-mei'] as const;
const COMMUNITY = 'liu-yang';
const STREET = 'chen-jing';
const DEPT = 'sun-tao';
const at = (shanghai: string): string => `${shanghai}+08:00`;
const CATEGORIES = ['sanitation', 'facilities', 'property', 'dispute', 'safety'] as const;

export async function buildAdminAnswers(): Promise<AdminAnswers> {
  const app = await startTestApp();
  try {
    await setUp(app);
    await month(app);
    return await answers(app);
  } finally {
    await app.close();
  }
}

async function setUp(app: TestApp): Promise<void> {
  app.setNow(at('2026-11-01T08:00:00'));
  await app.ok(ADMIN, 'admin.grids.import', { geojson: demoGeoJson(), crs: 'gcj02' });
  await importNeighbourAreas(app);
  await createDepartment(app, { code: 'cz-sanitation', name: '车站街道环卫所', street: '车站街道', categories: ['sanitation'] });
  await createDepartment(app, { code: 'cz-chengguan', name: '车站街道城管中队', street: '车站街道', categories: ['facilities', 'safety'] });
  const names = ['张燕', '王强', '李梅'];
  for (const [i, openid] of WORKERS.entries()) {
    await bindStaff(
      app,
      openid,
      'gridWorker',
      { grids: [`ZD-CZ-HG-0${2 * i + 1}`, `ZD-CZ-HG-0${2 * i + 2}`] },
      { displayName: names[i] ?? '网格员' },
    );
  }
  await bindStaff(app, COMMUNITY, 'communityAdmin', { community: '华光社区' }, { displayName: '刘洋' });
  await bindStaff(app, STREET, 'streetAdmin', { street: '车站街道' }, { displayName: '陈静' });
  await bindStaff(app, DEPT, 'deptHandler', { department: 'cz-sanitation' }, { displayName: '孙涛' });
  await bindStaff(app, 'zhao-lei', 'gridWorker', { grids: ['ZD-HP-01'] }, { displayName: '赵磊' });
}

/** 11月2日–20日, weekdays: 2 reports a day in turn over the six grids; most handled the same or next day. */
async function month(app: TestApp): Promise<void> {
  let n = 0;
  for (let day = 2; day <= 20; day += 1) {
    const date = `2026-11-${day < 10 ? `0${day}` : day}`;
    const weekday = new Date(`${date}T12:00:00+08:00`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (const hour of ['09', '15']) {
      n += 1;
      const grid = ((n - 1) % 6) + 1;
      const worker = WORKERS[Math.floor((grid - 1) / 2)] ?? WORKERS[0];
      const resident = `resident-${n}`;
      app.setNow(at(`${date}T${hour}:00:00`));
      const category = CATEGORIES[n % CATEGORIES.length] ?? 'sanitation';
      const patrol = n % 9 === 0;
      const filed = patrol
        ? await app.ok(
            worker,
            'report.submit',
            reportParams({ category, patrol: true, location: demoPointIn(grid), description: '巡查发现：楼道堆放杂物，影响通行。' }),
          )
        : await app.ok(resident, 'report.submit', reportParams({ category, location: demoPointIn(grid) }));
      if (n % 11 === 0) continue; // left alone: the sweep escalates it later
      app.setNow(at(`${date}T${hour}:30:00`));
      await app.ok(worker, 'ticket.accept', { ticketId: filed.ticketId, complexity: 'normal' });
      if (n % 7 === 0) {
        await app.ok(worker, 'ticket.escalate', { ticketId: filed.ticketId, reason: '需要社区协调' });
        app.setNow(at(`${date}T${hour}:50:00`));
        await app.ok(COMMUNITY, 'ticket.resolve', { ticketId: filed.ticketId, result: '社区协调物业处理完毕。' });
      } else if (n % 5 !== 0) {
        // Same day for most; a few the next morning.
        app.setNow(n % 4 === 0 ? at(`${date}T23:00:00`) : at(`${date}T${hour === '09' ? '11' : '17'}:00:00`));
        await app.ok(worker, 'ticket.resolve', { ticketId: filed.ticketId, result: '已到现场处理完毕。' });
      }
      const view = await app.ok(worker, 'ticket.get', { ticketId: filed.ticketId });
      if (view.status === 'resolved' && !patrol) {
        await app.ok(resident, 'report.rate', {
          ticketId: filed.ticketId,
          rating: n % 6 === 0 ? 'basic' : n % 13 === 0 ? 'unsatisfied' : 'satisfied',
        });
      }
    }
  }
  app.setNow(at('2026-11-23T00:30:00'));
  await app.job('sweep');
}

type Feature = { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: 'Polygon'; coordinates: number[][][] } };

function gridFile(): { type: 'FeatureCollection'; features: Feature[] } {
  const [g1, g2, g3] = demoGeoJson().features as Feature[];
  const square = (code: string, name: string, lng: number, lat: number): Feature => ({
    type: 'Feature',
    properties: { code, name, community: '华光社区', street: '车站街道', district: '张店区', households: 300 },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [lng, lat],
          [lng + 0.002, lat],
          [lng + 0.002, lat + 0.002],
          [lng, lat + 0.002],
          [lng, lat],
        ],
      ],
    },
  });
  return {
    type: 'FeatureCollection',
    features: [
      g1 as Feature,
      { ...(g2 as Feature), properties: { ...(g2 as Feature).properties, name: '华光社区第二网格（人民西路北段）' } },
      { ...(g3 as Feature), properties: { ...(g3 as Feature).properties, households: 412 } },
      square('ZD-CZ-HG-07', '华光社区第七网格（新村）', 118.06, 36.82),
      square('ZD-CZ-HG-08', '华光社区第八网格（新村东）', 118.061, 36.821),
    ],
  };
}

/** The 类别与部门 page's answers: a default department set, a district department the street admin may not change, a department created, and the real refusals. */
async function catalogAnswers(app: TestApp): Promise<AdminAnswers['catalog']> {
  const refusal = async <A extends Api.ActionName>(openid: string, action: A, params: Api.Params<A>): Promise<Api.ErrorBody> => {
    const answer = await app.call(openid, action, params);
    if (answer.ok) throw new Error(`${action} was meant to be refused`);
    return answer.error;
  };
  await createDepartment(app, { code: 'zd-water', name: '张店区水务局', district: '张店区', categories: ['facilities'] });
  const categorySaved = await app.ok(ADMIN, 'admin.categories.upsert', {
    code: 'facilities',
    name: '市政设施',
    profile: 'normal',
    defaultKind: 'complaint',
    defaultDepartmentCode: 'cz-chengguan',
  });
  // 生活服务 retired (停用): listed, tagged, and offered back.
  await app.ok(ADMIN, 'admin.categories.upsert', { code: 'life-service', name: '生活服务', profile: 'normal', retired: true });
  const departmentCreated = await app.ok(STREET, 'admin.departments.upsert', {
    code: 'cz-property',
    name: '车站街道物业办',
    street: '车站街道',
    categories: ['property'],
    create: true,
  });
  // 车站街道市场所, merged away: retired (停用) by the street admin.
  const market = { code: 'cz-market', name: '车站街道市场所', street: '车站街道', categories: [] };
  await app.ok(STREET, 'admin.departments.upsert', { ...market, create: true });
  await app.ok(STREET, 'admin.departments.upsert', { ...market, retired: true });
  return {
    superAdmin: await app.ok(ADMIN, 'admin.catalog.list', {}),
    street: await app.ok(STREET, 'admin.catalog.list', {}),
    community: await app.ok(COMMUNITY, 'admin.catalog.list', {}),
    categorySaved,
    departmentCreated,
    refused: {
      conflict: await refusal(STREET, 'admin.departments.upsert', {
        code: 'cz-sanitation',
        name: '车站街道环卫站',
        street: '车站街道',
        categories: [],
        create: true,
      }),
      forbidden: await refusal(STREET, 'admin.departments.upsert', {
        code: 'zd-water',
        name: '张店区水务局',
        district: '张店区',
        categories: ['facilities'],
      }),
      invalid: await refusal(ADMIN, 'admin.categories.upsert', { code: 'Parking', name: '停车管理', profile: 'normal', create: true }),
      fallback: await refusal(ADMIN, 'admin.categories.upsert', { code: 'other', name: '其他', profile: 'normal', retired: true }),
      emptyName: await refusal(STREET, 'admin.departments.upsert', {
        code: 'cz-new',
        name: ' ',
        street: '车站街道',
        categories: [],
        create: true,
      }),
    },
  };
}

async function answers(app: TestApp): Promise<AdminAnswers> {
  app.setNow(at('2026-11-23T09:00:00'));
  await app.ok(COMMUNITY, 'admin.invites.create', { role: 'gridWorker', scope: { grids: ['ZD-CZ-HG-03'] } });
  app.setNow(at('2026-11-23T09:20:00'));
  await app.ok(STREET, 'admin.invites.create', { role: 'communityAdmin', scope: { community: '华光社区' } });
  app.setNow(at('2026-11-23T09:40:00'));
  await app.ok(STREET, 'admin.invites.create', { role: 'deptHandler', scope: { department: 'cz-chengguan' } });
  app.setNow(ANSWERS_NOW);
  await app.job('figures');
  const created = await app.ok(STREET, 'admin.invites.create', { role: 'gridWorker', scope: { grids: ['ZD-CZ-HG-05', 'ZD-CZ-HG-06'] } });
  const qr = await app.ok(STREET, 'admin.invites.qr', { code: created.code });
  const image = Buffer.from(await (await fetch(qr.url)).arrayBuffer());
  const staffStreet = await app.ok(STREET, 'staff.list', {});
  const wang = staffStreet.items.find((i) => i.displayName === '王强');
  const range = { from: '2026-11-01', to: '2026-11-23' };
  const result: AdminAnswers = {
    now: ANSWERS_NOW,
    me: {
      community: await app.ok(COMMUNITY, 'staff.me', {}),
      street: await app.ok(STREET, 'staff.me', {}),
      worker: await app.ok(WORKERS[0], 'staff.me', {}),
      superAdmin: await app.ok(ADMIN, 'staff.me', {}),
    },
    invites: { street: await app.ok(STREET, 'admin.invites.list', {}), community: await app.ok(COMMUNITY, 'admin.invites.list', {}) },
    created,
    qr: { ...qr, url: `data:image/png;base64,${image.toString('base64')}` },
    staff: { street: staffStreet, community: await app.ok(COMMUNITY, 'staff.list', {}) },
    updated: await app.ok(STREET, 'staff.update', {
      inviteCode: wang?.inviteCode ?? '',
      scope: { grids: ['ZD-CZ-HG-03', 'ZD-CZ-HG-04', 'ZD-CZ-HG-05'] },
    }),
    grids: await app.ok(STREET, 'admin.grids.list', {}),
    departments: await app.ok(STREET, 'departments.list', {}),
    figures: {
      range,
      month: await app.ok(STREET, 'stats.summary', range),
      quiet: await app.ok(STREET, 'stats.summary', { from: '2026-10-01', to: '2026-10-31' }),
    },
    exported: await app.ok(STREET, 'admin.export', range),
    gridImport: { file: null, preview: undefined as unknown as Api.GridImportPreview, applied: { imported: 0, replaced: 0 } },
    catalog: undefined as unknown as AdminAnswers['catalog'],
  };
  result.catalog = await catalogAnswers(app);
  // Last, as it changes the grids: a file previewed, then imported.
  const file = gridFile();
  result.gridImport = {
    file,
    preview: await app.ok(ADMIN, 'admin.grids.preview', { geojson: file, crs: 'gcj02' }),
    applied: await app.ok(ADMIN, 'admin.grids.import', { geojson: file, crs: 'gcj02' }),
  };
  return result;
}
