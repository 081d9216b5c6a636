// Photo upload. In the cloud a photo goes to storage under reports/{yyyymm}/; locally the same
// cloudPath is posted to the local server's /__files, which answers the fileID it stored. Either
// way the report carries only fileIDs; the server hands out short-lived links to those in scope.
import { ApiError, initCloud, localHeaders, localServer } from './api';
import { yearMonth } from '../utils/time';

function randomName(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

export function photoCloudPath(now: Date = new Date()): string {
  return `reports/${yearMonth(now)}/${randomName()}.jpg`;
}

function uploadLocal(base: string, filePath: string, cloudPath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.uploadFile({
      url: `${base}/__files`,
      filePath,
      name: 'file',
      formData: { cloudPath },
      header: localHeaders(),
      success: (res) => {
        try {
          const body = JSON.parse(res.data) as { fileID?: unknown };
          if (res.statusCode < 300 && typeof body.fileID === 'string') {
            resolve(body.fileID);
            return;
          }
        } catch {
          // fall through: an answer that is not JSON is a failed upload
        }
        reject(new ApiError('INTERNAL'));
      },
      fail: () => reject(new ApiError('NETWORK')),
    });
  });
}

async function uploadCloud(filePath: string, cloudPath: string): Promise<string> {
  initCloud();
  try {
    const res = await wx.cloud.uploadFile({ cloudPath, filePath });
    return res.fileID;
  } catch {
    throw new ApiError('NETWORK');
  }
}

/** Uploads one (already compressed) photo and answers its fileID. */
export function uploadPhoto(filePath: string, now: Date = new Date()): Promise<string> {
  const cloudPath = photoCloudPath(now);
  const base = localServer();
  return base ? uploadLocal(base, filePath, cloudPath) : uploadCloud(filePath, cloudPath);
}
