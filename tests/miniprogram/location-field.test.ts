// location-field: the phone's GCJ-02 position on a small map to confirm, or a place picked on
// WeChat's map with its address; `change` tells the form each new point.
import { callPage, exists, find, flush, load, render, tap, textOf, type Root } from './support/render';
import { wxFake, wxScene } from './support/wx-fake';

let id: string;
beforeAll(() => {
  id = load('components/location-field/location-field');
});

interface Change {
  location: Api.Location | null;
  picked: boolean;
}

async function field(initial: Api.Location | null = null): Promise<{ c: Root; changes: Change[] }> {
  const c = render(id);
  const changes: Change[] = [];
  (c.instance as unknown as { triggerEvent: (name: string, detail: Change) => void }).triggerEvent = (name, detail) => {
    if (name === 'change') changes.push(detail);
  };
  await callPage(c, 'start', initial);
  return { c, changes };
}

const place = (c: Root): string => textOf(find(c, '.location__place'));

test('asks the phone in GCJ-02 and shows the point on a map with words to check it', async () => {
  const { c, changes } = await field();
  expect(wxFake.getLocation.mock.calls[0]?.[0]).toMatchObject({ type: 'gcj02' });
  expect(place(c)).toBe('已定位到您现在的位置，请在地图上核对');
  expect(textOf(find(c, '.location__hint'))).toBe('问题不在这里？点“在地图上选”换个地方');
  expect(c.data.markers).toEqual([{ id: 1, latitude: 36.8127, longitude: 118.0549, width: 32, height: 40 }]);
  expect(exists(c, '.location__map')).toBe(true);
  expect(changes).toEqual([{ location: { latitude: 36.8127, longitude: 118.0549 }, picked: false }]);
});

test('while locating it says so, with no map yet', async () => {
  wxFake.getLocation.mockImplementationOnce(() => undefined);
  const { c, changes } = await field();
  expect(place(c)).toBe('正在获取您的位置…');
  expect(exists(c, '.location__map')).toBe(false);
  expect(changes).toEqual([]);
});

test('a place picked on the map (the map itself or the button) carries its address', async () => {
  const { c, changes } = await field();
  await tap(c, '.location__map');
  expect(wxFake.chooseLocation.mock.calls[0]?.[0]).toMatchObject({ latitude: 36.8127, longitude: 118.0549 });
  expect(place(c)).toBe('山东省淄博市张店区和平路18号 和平小区3号楼');
  expect(exists(c, '.location__hint')).toBe(false);
  expect(changes.at(-1)).toEqual({
    location: { latitude: 36.8131, longitude: 118.0556, address: '山东省淄博市张店区和平路18号 和平小区3号楼' },
    picked: true,
  });
  await tap(c, '.choose-location');
  expect(wxFake.chooseLocation).toHaveBeenCalledTimes(2);
});

test('the place kept in the draft is shown as it was, without asking the phone', async () => {
  const kept = { latitude: 36.81, longitude: 118.05, address: '华光路1号' };
  const { c, changes } = await field(kept);
  expect(wxFake.getLocation).not.toHaveBeenCalled();
  expect(place(c)).toBe('华光路1号');
  expect(changes).toEqual([{ location: kept, picked: true }]);
});

test('denied: says so, offers the settings, and locates again once allowed', async () => {
  wxScene.location = { ok: false, errMsg: 'getLocation:fail auth deny' };
  const { c, changes } = await field();
  expect(place(c)).toBe('没有定位权限，请在地图上选择，或去开启定位');
  expect(changes).toEqual([{ location: null, picked: false }]);
  wxScene.location = { ok: true, latitude: 36.8, longitude: 118.05 };
  await tap(c, '.open-setting');
  await flush();
  expect(wxFake.openSetting).toHaveBeenCalledTimes(1);
  expect(place(c)).toBe('已定位到您现在的位置，请在地图上核对');
  expect(exists(c, '.open-setting')).toBe(false);
});

test('cancelling the map keeps what was there', async () => {
  wxScene.chosenLocation = { ok: false, errMsg: 'chooseLocation:fail cancel' };
  const { c, changes } = await field();
  await tap(c, '.choose-location');
  expect(place(c)).toBe('已定位到您现在的位置，请在地图上核对');
  expect(changes).toHaveLength(1);
});

test("the form's error frames the field and is said under it", async () => {
  wxScene.location = { ok: false, errMsg: 'getLocation:fail' };
  const { c } = await field();
  (c.instance as unknown as { setData: (d: Record<string, unknown>) => void }).setData({ error: '请选择问题发生的位置' });
  await flush();
  expect(exists(c, '.location--error')).toBe(true);
  expect(textOf(find(c, '.error-location'))).toBe('请选择问题发生的位置');
});
