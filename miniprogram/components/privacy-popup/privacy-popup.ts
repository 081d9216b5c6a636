// The custom privacy prompt. WeChat holds a privacy API call (location, photos) until the
// resident answers here; the agree button must be a native button with
// open-type="agreePrivacyAuthorization", and its id is what the platform checks.
import { zh } from '../../i18n/zh';
import { registerPrivacyPopup, type PrivacyResolve } from '../../services/privacy';

interface PopupState {
  pending: PrivacyResolve | null;
  unregister: (() => void) | null;
}

const states = new WeakMap<object, PopupState>();

function stateOf(owner: object): PopupState {
  let s = states.get(owner);
  if (!s) {
    s = { pending: null, unregister: null };
    states.set(owner, s);
  }
  return s;
}

Component({
  data: {
    visible: false,
    t: zh.privacy,
  },
  lifetimes: {
    attached(): void {
      const s = stateOf(this);
      s.unregister = registerPrivacyPopup((resolve) => {
        s.pending = resolve;
        this.setData({ visible: true });
        resolve({ event: 'exposureAuthorization' });
      });
    },
    detached(): void {
      const s = stateOf(this);
      if (s.unregister) s.unregister();
      if (s.pending) s.pending({ event: 'disagree' });
      states.delete(this);
    },
  },
  methods: {
    onOpenContract(): void {
      wx.openPrivacyContract({});
    },
    onAgree(): void {
      const s = stateOf(this);
      if (s.pending) s.pending({ event: 'agree', buttonId: 'agree-btn' });
      s.pending = null;
      this.setData({ visible: false });
      this.triggerEvent('agree');
    },
    onDisagree(): void {
      const s = stateOf(this);
      if (s.pending) s.pending({ event: 'disagree' });
      s.pending = null;
      this.setData({ visible: false });
      wx.showToast({ title: zh.privacy.denied, icon: 'none', duration: 2500 });
      this.triggerEvent('disagree');
    },
  },
});
