// Placeholder of the staff subpackage until the grid workers' pages land.
import { zh } from '../../../i18n/zh';

Component({
  data: {
    t: zh.placeholder,
    title: zh.placeholder.staffTitle,
  },
  methods: {
    onHome(): void {
      wx.reLaunch({ url: '/pages/index/index' });
    },
  },
});
