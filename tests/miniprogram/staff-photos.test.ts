// staff-photos: photos added from the camera or album (shrunk), enlarged, removed; at most `max`.
import { findAll, flush, load, render, tap } from './support/render';
import { toasts, wxFake, wxScene } from './support/wx-fake';

let id: string;
beforeAll(() => {
  id = load('staff/components/staff-photos/staff-photos');
});

test('add, enlarge, remove; each change reported with the local paths', async () => {
  const c = render(id, { max: 6 });
  const changes: string[][] = [];
  (c as unknown as { addEventListener(name: string, fn: (e: { detail: { paths: string[] } }) => void): void }).addEventListener(
    'change',
    (e) => changes.push(e.detail.paths),
  );
  wxScene.media = {
    ok: true,
    files: [
      { tempFilePath: 'wxfile://a.jpg', size: 100 * 1024 },
      { tempFilePath: 'wxfile://b.jpg', size: 900 * 1024 },
    ],
  };
  await tap(c, '.photo--add');
  expect(findAll(c, '.photo__img')).toHaveLength(2);
  // The large one was compressed before it was kept.
  expect(wxFake.compressImage).toHaveBeenCalled();
  expect(changes.at(-1)?.[0]).toBe('wxfile://a.jpg');
  await tap(c, '.photo__img', 0);
  expect(wxFake.previewImage).toHaveBeenCalledTimes(1);
  await tap(c, '.photo__remove', 0);
  expect(findAll(c, '.photo__img')).toHaveLength(1);
  expect(changes.at(-1)).toHaveLength(1);
});

test('at most `max`: the add tile goes, and extra picks are refused with a word', async () => {
  const c = render(id, { max: 2 });
  wxScene.media = {
    ok: true,
    files: [
      { tempFilePath: 'wxfile://1.jpg', size: 1000 },
      { tempFilePath: 'wxfile://2.jpg', size: 1000 },
      { tempFilePath: 'wxfile://3.jpg', size: 1000 },
    ],
  };
  await tap(c, '.photo--add');
  expect(findAll(c, '.photo__img')).toHaveLength(2);
  expect(findAll(c, '.photo--add')).toHaveLength(0);
  expect(toasts()).toContain('最多 6 张照片');
});

test('a cancelled pick says nothing; a failed one says so', async () => {
  const c = render(id);
  wxScene.media = { ok: false, errMsg: 'chooseMedia:fail cancel' };
  await tap(c, '.photo--add');
  expect(toasts()).toEqual([]);
  wxScene.media = { ok: false, errMsg: 'chooseMedia:fail' };
  await tap(c, '.photo--add');
  expect(toasts()).toEqual(['没能添加照片，请重试']);
});

test('a new generation empties the grid', async () => {
  const c = render(id, { generation: 1 });
  wxScene.media = { ok: true, files: [{ tempFilePath: 'wxfile://x.jpg', size: 1000 }] };
  await tap(c, '.photo--add');
  expect(findAll(c, '.photo__img')).toHaveLength(1);
  (c as unknown as { setData(d: Record<string, unknown>): void }).setData({ generation: 2 });
  await flush();
  expect(findAll(c, '.photo__img')).toHaveLength(0);
});
