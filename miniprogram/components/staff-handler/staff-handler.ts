// Who handles a resident's ticket: the staff member's display name and public work number, with
// a button to call it. The server decides who that is (TicketView.handler); nothing shows until
// someone holds the ticket.
import { zh } from '../../i18n/zh';

Component({
  properties: {
    /** Api.Handler | null, as the ticket view carries it. */
    handler: { type: Object, optionalTypes: [null], value: null },
  },
  data: {
    t: zh.staff.handler,
  },
  methods: {
    onCall(): void {
      const handler = this.data.handler as Api.Handler | null;
      if (handler?.phone) wx.makePhoneCall({ phoneNumber: handler.phone, fail: () => undefined });
    },
  },
});
