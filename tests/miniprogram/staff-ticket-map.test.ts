// staff-ticket-map: the point and the grid's outline on a <map>, the address, and 导航.
import { staffTicket } from './support/staff-data';
import { find, flush, load, render, tap, textOf } from './support/render';
import { wxFake } from './support/wx-fake';
import { toTicketMap } from '../../miniprogram/utils/staff-ticket';

let id: string;
beforeAll(() => {
  id = load('staff/components/staff-ticket-map/staff-ticket-map');
});

test('the map is given the marker, the grid polygon and the points to fit; 导航 opens the location', async () => {
  const map = toTicketMap(staffTicket());
  const c = render(id, { map, address: '华光路 1 号', grid: '华光社区 · 第一网格' });
  await flush();
  expect(c.data.map).toEqual(map);
  expect(map.polygons).toHaveLength(1);
  expect(map.polygons[0]?.points).toHaveLength(4);
  expect(textOf(find(c, '.where__row'))).toContain('华光路 1 号');
  expect(textOf(find(c, '.where__row'))).toContain('所属网格：华光社区 · 第一网格');
  await tap(c, '.where__go');
  expect(wxFake.openLocation.mock.calls[0][0]).toMatchObject({ latitude: 36.8135, longitude: 118.0406, address: '华光路 1 号' });
});

test('without an outline: just the point', () => {
  const map = toTicketMap(staffTicket({ gridOutline: null }));
  expect(map.polygons).toEqual([]);
  expect(map.includePoints).toEqual([{ latitude: 36.8135, longitude: 118.0406 }]);
});
