// What the admin pages' tests and previews are answered with: real server answers
// (support/admin-answers.ts, taken at ANSWERS_NOW = 11月23日 10:00 Shanghai after a month of a
// street's reports), with small, named adjustments where a test needs a state the scenario does
// not hold (an empty list, a page split for paging).
import { adminAnswers, type AdminAnswers } from './admin-answers';
import { apiFake } from './api-fake';
import type { PageUnderTest } from './page';
import type { Root } from './render';

export { adminAnswers, type AdminAnswers };

export function adminMe(who: 'street' | 'community' | 'worker' | 'superAdmin' = 'street'): Api.StaffMe {
  return adminAnswers().me[who];
}

/** Answers every action the admin pages ask as the street admin 陈静 (or the community admin 刘洋). */
export function answerAsAdmin(fake: import('./api-fake').ApiFakeLike, who: 'street' | 'community' | 'superAdmin' = 'street'): void {
  const a = adminAnswers();
  // The super admin's lists are the street admin's (the scenario has one street).
  const area = who === 'superAdmin' ? 'street' : who;
  fake
    .on('staff.me', () => a.me[who])
    .on('admin.invites.list', () => a.invites[area])
    .on('admin.invites.create', () => a.created)
    .on('admin.invites.qr', () => a.qr)
    .on('admin.invites.revoke', (p) => ({ code: p.code, revoked: true as const }))
    .on('staff.list', () => a.staff[area])
    .on('staff.update', () => a.updated)
    .on('staff.remove', (p) => ({ inviteCode: p.inviteCode, removed: true as const }))
    .on('admin.grids.list', () => a.grids)
    .on('departments.list', () => a.departments)
    .on('stats.summary', () => a.figures.month)
    .on('admin.export', () => a.exported)
    .on('admin.grids.preview', () => a.gridImport.preview)
    .on('admin.grids.import', () => a.gridImport.applied)
    .on('admin.catalog.list', () => a.catalog[who])
    .on('admin.categories.upsert', () => a.catalog.categorySaved)
    .on('admin.departments.upsert', () => a.catalog.departmentCreated);
}

/** An admin page opened by `who`, every action answered as the server answers them. */
export function openAs(page: PageUnderTest, who: 'street' | 'community' | 'superAdmin' = 'street'): Promise<Root> {
  answerAsAdmin(apiFake, who);
  return page.open();
}
