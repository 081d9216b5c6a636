// What a resident meets on a staff page: a polite word, the way to bind with an invite code, and
// the way home. Nothing of the workbench is loaded for them.
import { zh } from '../../../i18n/zh';

Component({
  data: {
    t: zh.staff.turnedAway,
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
