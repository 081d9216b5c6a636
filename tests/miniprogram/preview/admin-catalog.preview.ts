// 类别与部门 (admin/pages/catalog/catalog): the super admin's categories (生活服务 retired) and the
// sheet changing one or retiring one,
// the street admin's departments (the district's read-only) and a new department refused for a
// taken code, the community admin's read-only list, an empty area — at both font sizes.
import { apiFake } from '../support/api-fake';
import { adminAnswers, answerAsAdmin, openAs } from '../support/admin-data';
import { findAll, tap, textOf, type, type Root } from '../support/render';
import { pageUnderTest } from '../support/page';
import { snapshotBoth } from '../support/preview';
import { ApiError } from '../../../miniprogram/services/api';

jest.mock('../../../miniprogram/services/api', () => jest.requireActual('../support/api-fake').mockApiModule());

const catalogPage = pageUnderTest('admin/pages/catalog/catalog');

const open = (who: 'street' | 'community' | 'superAdmin' = 'street'): Promise<Root> => openAs(catalogPage, who);

test("the super admin's categories", async () => {
  await snapshotBoth('admin-catalog-categories', '类别与部门：系统管理员看到的问题类别（整页）', await open('superAdmin'), {
    fullPage: true,
  });
});

test('changing a category', async () => {
  const page = await open('superAdmin');
  const index = adminAnswers().catalog.superAdmin.categories.findIndex((c) => c.code === 'facilities');
  await tap(page, '.edit-category', index);
  await snapshotBoth('admin-catalog-category-edit', '类别与部门：修改“市政设施”的时限、默认类型和默认部门', page);
});

test('retiring a category', async () => {
  const page = await open('superAdmin');
  const index = adminAnswers().catalog.superAdmin.categories.findIndex((c) => c.code === 'facilities');
  await tap(page, '.edit-category', index);
  const labels = findAll(page, '.status-picker >> .option__label').map(textOf);
  await tap(page, '.status-picker >> .option', labels.indexOf('停用'));
  await snapshotBoth('admin-catalog-category-retire', '类别与部门：停用“市政设施”', page);
});

test("the street admin's departments", async () => {
  await snapshotBoth('admin-catalog-departments', '类别与部门：街道管理员的部门（区级部门只读）（整页）', await open('street'), {
    fullPage: true,
  });
});

test('a new department with a taken code', async () => {
  const page = await open('street');
  await tap(page, '.add-department');
  await type(page, '.code-input', 'cz-sanitation');
  await type(page, '.name-input', '车站街道环卫站');
  const labels = findAll(page, '.categories-picker >> .option__label').map(textOf);
  await tap(page, '.categories-picker >> .option', labels.indexOf('环境卫生'));
  const body = adminAnswers().catalog.refused.conflict;
  apiFake.on('admin.departments.upsert', () => {
    throw new ApiError(body.code, body.message, body.details);
  });
  await tap(page, '.sheet__save');
  await snapshotBoth('admin-catalog-department-conflict', '类别与部门：新增部门，编号已被使用（CONFLICT）', page);
});

test('the community admin reads only', async () => {
  await snapshotBoth('admin-catalog-community', '类别与部门：社区管理员只能查看部门', await open('community'));
});

test('an empty area', async () => {
  answerAsAdmin(apiFake, 'street');
  apiFake.on('admin.catalog.list', () => ({ ...adminAnswers().catalog.street, departments: [] }));
  const page = await catalogPage.open();
  await snapshotBoth('admin-catalog-empty', '类别与部门：辖区内还没有部门', page);
});
