// Choosing and shrinking photos. A report photo must end up at most 300 KB (slow 4G, storage
// cost); we recompress with falling quality and width until it fits, and refuse it otherwise.
import { errMsgOf } from '../utils/guards';

export const MAX_PHOTOS = 6;
export const MAX_PHOTO_BYTES = 300 * 1024;

export interface LocalPhoto {
  path: string;
  size: number;
}

export class PhotoTooLargeError extends Error {
  constructor() {
    super('photo too large');
    this.name = 'PhotoTooLargeError';
  }
}

/** Camera or album (WeChat asks which); images only, at most `count`. */
export function choosePhotos(count: number): Promise<LocalPhoto[]> {
  return new Promise((resolve, reject) => {
    wx.chooseMedia({
      count,
      mediaType: ['image'],
      sourceType: ['camera', 'album'],
      sizeType: ['compressed'],
      success: (res) => resolve(res.tempFiles.map((f) => ({ path: f.tempFilePath, size: f.size }))),
      fail: (err) => reject(err),
    });
  });
}

/** The user closing the picker is not an error worth a toast. */
export function isCancel(err: unknown): boolean {
  return errMsgOf(err).includes('cancel');
}

function fileSize(filePath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    wx.getFileSystemManager().getFileInfo({
      filePath,
      success: (res) => resolve(res.size),
      fail: (err) => reject(err),
    });
  });
}

function compressOnce(src: string, quality: number, width: number): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.compressImage({
      src,
      quality,
      compressedWidth: width,
      success: (res) => resolve(res.tempFilePath),
      fail: (err) => reject(err),
    });
  });
}

const STEPS: ReadonlyArray<{ quality: number; width: number }> = [
  { quality: 80, width: 1600 },
  { quality: 60, width: 1280 },
  { quality: 45, width: 1080 },
  { quality: 30, width: 800 },
];

/** Answers a photo of at most MAX_PHOTO_BYTES, or throws PhotoTooLargeError. */
export async function shrinkPhoto(photo: LocalPhoto): Promise<LocalPhoto> {
  if (photo.size <= MAX_PHOTO_BYTES) return photo;
  for (const step of STEPS) {
    const path = await compressOnce(photo.path, step.quality, step.width);
    const size = await fileSize(path);
    if (size <= MAX_PHOTO_BYTES) return { path, size };
  }
  throw new PhotoTooLargeError();
}
