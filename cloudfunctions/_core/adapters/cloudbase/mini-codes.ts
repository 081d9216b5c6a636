// Invite 小程序码 through the cloud call `openapi.wxacode.getUnlimited` (declared in the functions'
// config.json permissions.openapi): unlimited in number, the page opens with the invite code as
// its `scene` (at most 32 visible characters). checkPath is off so a code can be made before the
// page is in the live version; WeChat answers the PNG in `buffer`.
import type { MiniCodes } from '../../ports';
import { sdk } from './sdk';

interface GetUnlimitedResult {
  buffer?: Uint8Array;
  errCode?: number;
  errMsg?: string;
}

export class CloudMiniCodes implements MiniCodes {
  async image(page: string, scene: string): Promise<Uint8Array> {
    const api = sdk().openapi as { wxacode: { getUnlimited(p: Record<string, unknown>): Promise<GetUnlimitedResult> } };
    const result = await api.wxacode.getUnlimited({ scene, page, checkPath: false, width: 430 });
    if (!result.buffer || (result.errCode !== undefined && result.errCode !== 0)) {
      throw new Error(`wxacode.getUnlimited failed: ${result.errCode ?? 'no image'}`);
    }
    return result.buffer;
  }
}
