// Photo upload. The server accepts only fileIDs under the caller's own folder, uploads/{openid}/.
// In the cloud we name that folder ourselves: uploads/{openid}/{yyyymm}/{random}.jpg, with the
// openid from staff.me (services/identity). Locally the server's POST /__files puts the upload
// under uploads/{openid}/ by itself (openid from the x-wx-openid header), so we send only
// {yyyymm}/{random}.jpg and it answers local://uploads/{openid}/…. Either way the report carries
// only fileIDs; the server hands out short-lived links to those in scope.
import { ApiError, initCloud, localHeaders, localServer } from './api';
import { myOpenid } from './identity';
import { yearMonth } from '../utils/time';

function randomName(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

/** {yyyymm}/{random}.jpg, the month in Shanghai time: what goes under the caller's folder. */
export function photoFileName(now: Date = new Date()): string {
  return `${yearMonth(now)}/${randomName()}.jpg`;
}

/** The cloud storage path of a new photo: uploads/{openid}/{yyyymm}/{random}.jpg. */
export function photoCloudPath(openid: string, now: Date = new Date()): string {
  return `uploads/${openid}/${photoFileName(now)}`;
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

async function uploadCloud(filePath: string, now: Date): Promise<string> {
  let openid: string;
  try {
    openid = await myOpenid();
  } catch {
    // Without the openid there is no right path; a guessed one would only be refused later.
    throw new ApiError('NETWORK');
  }
  initCloud();
  try {
    const res = await wx.cloud.uploadFile({ cloudPath: photoCloudPath(openid, now), filePath });
    return res.fileID;
  } catch {
    throw new ApiError('NETWORK');
  }
}

/** Uploads one (already compressed) photo and answers its fileID. */
export function uploadPhoto(filePath: string, now: Date = new Date()): Promise<string> {
  const base = localServer();
  return base ? uploadLocal(base, filePath, photoFileName(now)) : uploadCloud(filePath, now);
}
