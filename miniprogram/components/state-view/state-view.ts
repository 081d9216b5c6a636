// The loading / empty / error face every page shows while it has nothing else to show.
import { zh } from '../../i18n/zh';

Component({
  properties: {
    /** 'loading' | 'empty' | 'error' | 'ready' (renders nothing). */
    state: { type: String, value: 'loading' },
    message: { type: String, value: '' },
    /** Text of the button under the message; no button when empty. */
    actionText: { type: String, value: '' },
  },
  data: {
    loadingText: zh.common.loading,
  },
  methods: {
    onAction(): void {
      this.triggerEvent('action');
    },
  },
});
