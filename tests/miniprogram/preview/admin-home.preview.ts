// The admin subpackage's home (admin/pages/home/home) at both font sizes.
import { load, render } from '../support/render';
import { snapshotBoth } from '../support/preview';

test('admin home', async () => {
  const page = render(load('admin/pages/home/home'));
  await snapshotBoth('admin-home', '管理后台首页', page);
});
