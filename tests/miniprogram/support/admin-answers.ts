// Server answers for the admin pages' tests and previews, taken from the real server like the
// workbench's (support/staff-answers.ts): support/admin-answers-build.ts runs the test app through
// a month of a street's reports and its admins' invites before the tests start (jest globalSetup),
// and this module reads what it wrote. Times are those of ANSWERS_NOW (11月23日 10:00 Shanghai).
import fs from 'node:fs';

export interface AdminAnswers {
  now: string;
  me: { community: Api.StaffMe; street: Api.StaffMe; worker: Api.StaffMe; superAdmin: Api.StaffMe };
  /** The street admin's and the community admin's pending invites (with the roles each may invite). */
  invites: { street: Api.Data<'admin.invites.list'>; community: Api.Data<'admin.invites.list'> };
  /** A fresh invite of the street admin and its 小程序码 (the link's image inlined as a data URL). */
  created: Api.Data<'admin.invites.create'>;
  qr: Api.InviteQr;
  /** The directory as the street admin and as the community admin sees it. */
  staff: { street: Api.Page<Api.StaffListItem>; community: Api.Page<Api.StaffListItem> };
  /** staff.update of a grid worker by the street admin (to grids 05 and 06). */
  updated: Api.StaffListItem;
  /** admin.grids.list and departments.list as the street admin (the pickers' choices). */
  grids: Api.Page<Api.GridSummary>;
  departments: Api.Data<'departments.list'>;
  /** A grid file (grid 2 renamed, grid 3's households changed, two new overlapping grids; grids 4–6 left out), its preview and its import, as the super admin. */
  gridImport: { file: unknown; preview: Api.GridImportPreview; applied: Api.Data<'admin.grids.import'> };
  /** stats.summary of 车站街道 for 本月 (11月1日–23日) and of a quiet period (none). */
  figures: { range: { from: string; to: string }; month: Api.StatsSummary; quiet: Api.StatsSummary };
  /** admin.export of 本月 as the street admin (its link points at the closed test server). */
  exported: Api.AdminExport;
  /**
   * 类别与部门: admin.catalog.list as the super admin, the street admin and the community admin
   * (after 市政设施's default department became 车站街道城管中队, 张店区水务局 was added for the
   * district and the street admin created 车站街道物业办), those two saves' answers, and the server's
   * real refusals: a taken code (CONFLICT), the district's department (FORBIDDEN), a bad category
   * code and an empty name (INVALID_INPUT, with their issues), retiring 其他 (INVALID_INPUT). 生活服务
   * and the street's 车站街道市场所 are retired (停用) in all three lists.
   */
  catalog: {
    superAdmin: Api.Data<'admin.catalog.list'>;
    street: Api.Data<'admin.catalog.list'>;
    community: Api.Data<'admin.catalog.list'>;
    categorySaved: Api.Data<'admin.categories.upsert'>;
    departmentCreated: Api.Data<'admin.departments.upsert'>;
    refused: {
      conflict: Api.ErrorBody;
      forbidden: Api.ErrorBody;
      invalid: Api.ErrorBody;
      emptyName: Api.ErrorBody;
      fallback: Api.ErrorBody;
    };
  };
}

export const ADMIN_ANSWERS_ENV = 'MINIPROGRAM_ADMIN_ANSWERS';

let cached: AdminAnswers | null = null;

export function adminAnswers(): AdminAnswers {
  if (!cached) {
    const file = process.env[ADMIN_ANSWERS_ENV];
    if (!file)
      throw new Error(
        `${ADMIN_ANSWERS_ENV} 未设置：管理后台的真实服务器回答由 jest 的 globalSetup（tests/miniprogram/support/global-setup.ts）生成`,
      );
    cached = JSON.parse(fs.readFileSync(file, 'utf8')) as AdminAnswers;
  }
  return JSON.parse(JSON.stringify(cached)) as AdminAnswers;
}
