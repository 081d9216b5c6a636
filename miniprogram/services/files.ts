// Photo upload. The server accepts only fileIDs under the caller's own folder, uploads/{key} —
// an opaque key the server derives from the openid, so no fileID names anyone. In the cloud we
// upload to {folder}/{yyyymm}/{random}.jpg with the folder from staff.me (services/identity).
// Locally the server's POST /__files puts the upload under the caller's folder by itself, so we
// send only {yyyymm}/{random}.jpg. Either way the report carries only fileIDs; the server hands
// out short-lived links to those in scope.
import { ApiError, initCloud, localHeaders, localServer } from './api';
import { myUploadFolder } from './identity';
import { yearMonth } from '../utils/time';

function randomName(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

/** {yyyymm}/{random}.jpg, the month in Shanghai time: what goes under the caller's folder. */
export function photoFileName(now: Date = new Date()): string {
  return `${yearMonth(now)}/${randomName()}.jpg`;
}

/** The cloud storage path of a new photo: {folder}/{yyyymm}/{random}.jpg. */
export function photoCloudPath(folder: string, now: Date = new Date()): string {
  return `${folder}/${photoFileName(now)}`;
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
  let folder: string;
  try {
    folder = await myUploadFolder();
  } catch {
    // Without the folder there is no right path; a guessed one would only be refused later.
    throw new ApiError('NETWORK');
  }
  initCloud();
  try {
    const res = await wx.cloud.uploadFile({ cloudPath: photoCloudPath(folder, now), filePath });
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
