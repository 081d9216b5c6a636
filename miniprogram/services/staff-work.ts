// The workbench's calls that are more than one `call`: a move's form sent as its action, the
// resident's phone fetched and dialled (never kept: each tap asks the server again, and each ask
// is recorded on the ticket), and an invite code read with the camera.
import { call, ApiError } from './api';
import { moveCall, type MoveForm, type SheetKind } from '../utils/staff-moves';
import { inviteCodeFrom } from '../utils/staff-bind';

/**
 * Sends a filled form as its action; answers the ticket as the server now has it. MoveCall pairs
 * each action with its own params, and every move answers a TicketView, so one call serves all.
 */
export function performMove(kind: SheetKind, ticketId: string, form: MoveForm): Promise<Api.TicketView> {
  const c = moveCall(kind, ticketId, form);
  return call(c.action, c.params);
}

/**
 * 联系居民: asks the server for the full number (which records the reveal) and dials it. The
 * number goes straight to the dialler; it is never put in page data, storage or a log.
 */
export async function callResident(ticketId: string): Promise<void> {
  const { phone } = await call('ticket.contact', { ticketId });
  await new Promise<void>((resolve) => {
    wx.makePhoneCall({ phoneNumber: phone, complete: () => resolve() });
  });
}

export class ScanCancelled extends Error {
  constructor() {
    super('scan cancelled');
    this.name = 'ScanCancelled';
  }
}

/** Scans the admin's invite QR code (or 小程序码); answers the code in it. */
export function scanInviteCode(): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.scanCode({
      // A 小程序码 is read as a QR code too (its answer then carries the page path with the scene).
      scanType: ['qrCode'],
      success: (res) => {
        const code = inviteCodeFrom(res.path) ?? inviteCodeFrom(res.result);
        if (code) resolve(code);
        else reject(new ApiError('INVALID_INPUT'));
      },
      fail: (err) => reject(String(err?.errMsg ?? '').includes('cancel') ? new ScanCancelled() : new ApiError('INVALID_INPUT')),
    });
  });
}
