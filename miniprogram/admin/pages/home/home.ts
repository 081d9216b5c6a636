// Placeholder of the admin subpackage until the administration pages land.
import { zh } from '../../../i18n/zh';

Component({
  data: {
    t: zh.placeholder,
    title: zh.placeholder.adminTitle,
  },
  methods: {
    onHome(): void {
      wx.reLaunch({ url: '/pages/index/index' });
    },
  },
});
