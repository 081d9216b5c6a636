// What someone without the admin pages meets there: a resident the way to bind with an invite
// code, other staff a plain "only admins" word; both the way home. Nothing else is loaded.
import { zh } from '../../../i18n/zh';

Component({
  properties: {
    /** 'resident' | 'forbidden' */
    gate: { type: String, value: 'forbidden' },
  },
  data: {
    t: zh.admin.home,
  },
  methods: {
    onBind(): void {
      wx.navigateTo({ url: '/staff/pages/bind/bind' });
    },
    onHome(): void {
      wx.reLaunch({ url: '/pages/index/index' });
    },
  },
});
