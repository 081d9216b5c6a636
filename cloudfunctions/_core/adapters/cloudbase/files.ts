// Photos in cloud storage stay private: readers get short-lived links after the use case has
// checked their scope, and a report may only cite files its author uploaded under their folder.
import type { FileStore } from '../../ports';
import { sdk } from './sdk';

const LINK_SECONDS = 10 * 60;

/** Uploads live under uploads/{openid}/…; the fileID embeds that path after the bucket. */
export function isOwnCloudUpload(openid: string, fileId: string): boolean {
  const match = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId);
  return match !== null && match[1] !== undefined && match[1].startsWith(`uploads/${openid}/`) && !match[1].includes('..');
}

interface TempUrlResult {
  fileList?: Array<{ fileID: string; tempFileURL: string; status: number }>;
}

export class CloudFileStore implements FileStore {
  async tempUrls(fileIds: readonly string[]): Promise<string[]> {
    if (fileIds.length === 0) return [];
    const result = (await sdk().getTempFileURL({
      fileList: fileIds.map((fileID) => ({ fileID, maxAge: LINK_SECONDS })),
    })) as TempUrlResult;
    const byId = new Map((result.fileList ?? []).filter((f) => f.status === 0).map((f) => [f.fileID, f.tempFileURL]));
    return fileIds.map((id) => byId.get(id) ?? '');
  }

  isOwnUpload(openid: string, fileId: string): boolean {
    return isOwnCloudUpload(openid, fileId);
  }
}
