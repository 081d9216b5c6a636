// The workbench's services: staff notification grants (one-time asked in every qualifying tap,
// long-term only until granted), a move sent as its action, the resident's phone fetched and
// dialled (never kept), and an invite code read with the camera.
import { apiFake } from './support/api-fake';
import { wxFake, wxScene } from './support/wx-fake';
import { config } from '../../miniprogram/config';
import { requestStaffSubscriptions, staffTemplateIds } from '../../miniprogram/services/staff-subscribe';
import { callResident, performMove, scanInviteCode, ScanCancelled } from '../../miniprogram/services/staff-work';
import { emptyForm } from '../../miniprogram/utils/staff-moves';
import { staffTicket } from './support/staff-data';

jest.mock('../../miniprogram/services/api', () => jest.requireActual('./support/api-fake').mockApiModule());

beforeEach(() => {
  apiFake.on('subscription.record', (p) => ({ recorded: Object.keys(p.grants).length }));
});

describe('staff subscriptions', () => {
  afterEach(() => {
    config.staffTemplateKind = 'oneTime';
  });

  test('one-time (the default): asked every time, each answer recorded', async () => {
    wxScene.subscribe = { ok: true, result: { staffNewTicket: 'accept', staffEscalated: 'accept' } };
    await requestStaffSubscriptions();
    await requestStaffSubscriptions();
    expect(staffTemplateIds()).toEqual(['staffNewTicket', 'staffEscalated']);
    expect(wxFake.requestSubscribeMessage).toHaveBeenCalledTimes(2);
    expect(apiFake.callsOf('subscription.record')).toHaveLength(2);
  });

  test('long-term: once both are accepted, not asked again', async () => {
    config.staffTemplateKind = 'longTerm';
    wxScene.subscribe = { ok: true, result: { staffNewTicket: 'accept', staffEscalated: 'reject' } };
    await requestStaffSubscriptions();
    wxScene.subscribe = { ok: true, result: { staffNewTicket: 'accept', staffEscalated: 'accept' } };
    await requestStaffSubscriptions();
    await requestStaffSubscriptions();
    expect(wxFake.requestSubscribeMessage).toHaveBeenCalledTimes(2);
  });

  test('a refused or failed request records nothing and never throws', async () => {
    wxScene.subscribe = { ok: false, errMsg: 'requestSubscribeMessage:fail' };
    wxScene.envVersion = 'release';
    await expect(requestStaffSubscriptions()).resolves.toBeUndefined();
    expect(apiFake.callsOf('subscription.record')).toEqual([]);
  });
});

describe('staff work', () => {
  test("a move is sent as its action and answers the server's view", async () => {
    apiFake.on('ticket.accept', () => staffTicket({ status: 'accepted' }));
    const view = await performMove('accept', 't-1', emptyForm());
    expect(view.status).toBe('accepted');
    expect(apiFake.callsOf('ticket.accept')).toEqual([{ ticketId: 't-1', complexity: 'normal' }]);
  });

  test('callResident asks the server each time and dials what it answered', async () => {
    apiFake.on('ticket.contact', () => ({ phone: '13900001111' }));
    await callResident('t-1');
    await callResident('t-1');
    expect(apiFake.callsOf('ticket.contact')).toEqual([{ ticketId: 't-1' }, { ticketId: 't-1' }]);
    expect(wxFake.makePhoneCall.mock.calls.map((c) => c[0]?.phoneNumber)).toEqual(['13900001111', '13900001111']);
  });

  test('callResident: a refusal is thrown, nothing dialled', async () => {
    apiFake.fail('ticket.contact', 'CONFLICT');
    await expect(callResident('t-1')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(wxFake.makePhoneCall).not.toHaveBeenCalled();
  });

  test('scanInviteCode: the code in a 小程序码 path or a plain QR code; cancel and unreadable told apart', async () => {
    wxScene.scan = { ok: true, result: '', path: 'staff/pages/bind/bind?scene=ABCD2345' };
    await expect(scanInviteCode()).resolves.toBe('ABCD2345');
    wxScene.scan = { ok: true, result: 'efgh3456' };
    await expect(scanInviteCode()).resolves.toBe('EFGH3456');
    wxScene.scan = { ok: false, errMsg: 'scanCode:fail cancel' };
    await expect(scanInviteCode()).rejects.toBeInstanceOf(ScanCancelled);
    wxScene.scan = { ok: true, result: '你好' };
    await expect(scanInviteCode()).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
