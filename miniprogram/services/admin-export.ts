// 导出 Excel on the figures page: the server builds the workbook (admin.export) and answers a
// short-lived link; the phone downloads it under the server's file name and opens it with the
// document viewer, whose menu can forward it to a chat. Nothing new is asked of the user.
import { zh } from '../i18n/zh';
import { call, toApiError } from './api';

const t = zh.admin.figures;

/** A step that failed, with the words to show. */
export class ExportError extends Error {}

function download(url: string, filePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.downloadFile({
      url,
      filePath,
      success: (res) => {
        if (res.statusCode === 200) resolve(res.filePath || res.tempFilePath || filePath);
        else reject(new ExportError(t.exportExpired));
      },
      fail: () => reject(new ExportError(t.exportDownloadFailed)),
    });
  });
}

function open(filePath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    wx.openDocument({
      filePath,
      fileType: 'xlsx',
      showMenu: true,
      success: () => resolve(),
      fail: () => reject(new ExportError(t.exportOpenFailed)),
    });
  });
}

/** Exports the period, downloads and opens the workbook; rejects with words to show. */
export async function exportAndOpen(range: { from: string; to: string }): Promise<Api.AdminExport> {
  let file: Api.AdminExport;
  try {
    file = await call('admin.export', range);
  } catch (e) {
    throw new ExportError(toApiError(e).message);
  }
  const saved = await download(file.url, `${wx.env.USER_DATA_PATH.replace(/\/$/, '')}/${file.fileName}`);
  await open(saved);
  return file;
}
