// Photos in cloud storage stay private: readers get short-lived links after the use case has
// checked their scope, and a report may only cite files its author uploaded under their folder
// (uploads/{opaque key}, runtime/upload-folder.ts: no fileID names an openid).
import type { FileStore } from '../../ports';
import { appSecret } from '../runtime/secret';
import { isUnder, uploadFolder } from '../runtime/upload-folder';
import { sdk } from './sdk';

const LINK_SECONDS = 10 * 60;

/** The fileID embeds the storage path after the bucket: cloud://{env}.{bucket}/{path}. */
export function isOwnCloudUpload(folder: string, fileId: string): boolean {
  const match = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId);
  return match?.[1] !== undefined && isUnder(match[1], folder);
}

interface TempUrlResult {
  fileList?: Array<{ fileID: string; tempFileURL: string; status: number }>;
}

export class CloudFileStore implements FileStore {
  constructor(private readonly secret: string = appSecret()) {}

  folderOf(openid: string): string {
    return uploadFolder(this.secret, openid);
  }

  async tempUrls(fileIds: readonly string[]): Promise<string[]> {
    if (fileIds.length === 0) return [];
    const result = (await sdk().getTempFileURL({
      fileList: fileIds.map((fileID) => ({ fileID, maxAge: LINK_SECONDS })),
    })) as TempUrlResult;
    const byId = new Map((result.fileList ?? []).filter((f) => f.status === 0).map((f) => [f.fileID, f.tempFileURL]));
    return fileIds.map((id) => byId.get(id) ?? '');
  }

  isOwnUpload(openid: string, fileId: string): boolean {
    return isOwnCloudUpload(this.folderOf(openid), fileId);
  }

  async saveServerFile(path: string, content: Uint8Array): Promise<string> {
    // The storage rule lets no client read anything: the file is reached only by tempUrls.
    const result = (await sdk().uploadFile({ cloudPath: `server/${path}`, fileContent: Buffer.from(content) })) as { fileID?: string };
    if (!result.fileID) throw new Error('uploadFile answered no fileID');
    return result.fileID;
  }
}
