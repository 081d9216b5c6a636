// The staff subpackage's home (staff/pages/home/home) at both font sizes.
import { load, render } from '../support/render';
import { snapshotBoth } from '../support/preview';

test('staff home', async () => {
  const page = render(load('staff/pages/home/home'));
  await snapshotBoth('staff-home', '工作人员首页', page);
});
