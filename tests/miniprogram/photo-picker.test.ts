// photo-picker: camera or album, each photo shrunk to at most 300 KB, thumbnails to preview or
// remove, and `change` with the paths whenever the set changes.
import { callPage, exists, flush, load, render, tap, type Root } from './support/render';
import { toasts, wxFake, wxScene } from './support/wx-fake';

let id: string;
beforeAll(() => {
  id = load('components/photo-picker/photo-picker');
});

const photo = (n: number, kb = 120): { tempFilePath: string; size: number } => ({
  tempFilePath: `wxfile://tmp/p${n}.jpg`,
  size: kb * 1024,
});

function picker(): { c: Root; changes: string[][] } {
  const c = render(id, { max: 6 });
  const changes: string[][] = [];
  (c.instance as unknown as { triggerEvent: (name: string, detail: { paths: string[] }) => void }).triggerEvent = (name, detail) => {
    if (name === 'change') changes.push(detail.paths);
  };
  return { c, changes };
}

test('asks the camera or album for images only, as many as still fit', async () => {
  const { c } = picker();
  await tap(c, '.photo--add');
  expect(wxFake.chooseMedia.mock.calls[0]?.[0]).toMatchObject({ count: 6, mediaType: ['image'], sourceType: ['camera', 'album'] });
  await tap(c, '.photo--add');
  expect(wxFake.chooseMedia.mock.calls[1]?.[0]).toMatchObject({ count: 5 });
});

test('a big photo is compressed until it is at most 300 KB; the form hears the compressed path', async () => {
  wxScene.media = { ok: true, files: [photo(1, 2400)] };
  wxScene.compress = (_src, quality) => (quality >= 60 ? 500 * 1024 : 280 * 1024);
  const { c, changes } = picker();
  await tap(c, '.photo--add');
  expect(wxFake.compressImage.mock.calls.map((call) => call[0].quality)).toEqual([80, 60, 45]);
  expect(c.data.photos).toEqual([{ key: 'p1', path: 'wxfile://tmp/compressed-3.jpg' }]);
  expect(changes).toEqual([['wxfile://tmp/compressed-3.jpg']]);
});

test('a photo that cannot get under 300 KB is refused with a toast', async () => {
  wxScene.media = { ok: true, files: [photo(1, 9000), photo(2)] };
  wxScene.compress = () => 900 * 1024;
  const { c, changes } = picker();
  await tap(c, '.photo--add');
  expect(c.querySelectorAll('.photo__img')).toHaveLength(1);
  expect(changes).toEqual([['wxfile://tmp/p2.jpg']]);
  expect(toasts()).toEqual(['有照片太大，没能添加，请换一张']);
});

test('more than 6 photos are refused with a toast, and the add button goes away at 6', async () => {
  wxScene.media = { ok: true, files: [1, 2, 3, 4, 5, 6, 7].map((n) => photo(n)) };
  const { c } = picker();
  await tap(c, '.photo--add');
  expect(c.querySelectorAll('.photo__img')).toHaveLength(6);
  expect(toasts()).toEqual(['最多上传 6 张照片']);
  expect(exists(c, '.photo--add')).toBe(false);
  await callPage(c, 'onAdd');
  expect(wxFake.chooseMedia).toHaveBeenCalledTimes(1);
  expect(toasts()).toEqual(['最多上传 6 张照片', '最多上传 6 张照片']);
});

test('a photo can be previewed and removed', async () => {
  wxScene.media = { ok: true, files: [photo(1), photo(2)] };
  const { c, changes } = picker();
  await tap(c, '.photo--add');
  await tap(c, '.photo__img', 1);
  expect(wxFake.previewImage.mock.calls[0]?.[0]).toEqual({
    urls: ['wxfile://tmp/p1.jpg', 'wxfile://tmp/p2.jpg'],
    current: 'wxfile://tmp/p2.jpg',
  });
  await tap(c, '.photo__remove', 0);
  expect(c.data.photos).toEqual([{ key: 'p2', path: 'wxfile://tmp/p2.jpg' }]);
  expect(changes.at(-1)).toEqual(['wxfile://tmp/p2.jpg']);
});

test('closing the picker is not an error; a failing picker says so', async () => {
  wxScene.media = { ok: false, errMsg: 'chooseMedia:fail cancel' };
  const { c, changes } = picker();
  await tap(c, '.photo--add');
  expect(toasts()).toEqual([]);
  wxScene.media = { ok: false, errMsg: 'chooseMedia:fail internal error' };
  await tap(c, '.photo--add');
  await flush();
  expect(toasts()).toEqual(['没能添加照片，请重试']);
  expect(changes).toEqual([]);
});
