// The local twin of wxacode.getUnlimited: a real QR image (the `qrcode` package, a devDependency
// imported only here, so it never enters a function bundle) of "<page>?scene=<scene>" — what the
// bind page reads from a scan (utils/staff-bind.ts inviteCodeFrom) as it reads a 小程序码's scene.
import QRCode from 'qrcode';
import type { MiniCodes } from '../../_core/ports';

export class LocalMiniCodes implements MiniCodes {
  async image(page: string, scene: string): Promise<Uint8Array> {
    return QRCode.toBuffer(`${page}?scene=${encodeURIComponent(scene)}`, { type: 'png', width: 430, margin: 2, errorCorrectionLevel: 'M' });
  }
}
