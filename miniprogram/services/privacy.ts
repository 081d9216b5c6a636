// The privacy handshake (基础库 2.32.3+): when a privacy API (location, photos) is called before
// the resident agreed, WeChat holds the call and raises onNeedPrivacyAuthorization. We show our
// popup; its agree button (open-type="agreePrivacyAuthorization") lets the held call go on.
export type PrivacyEvent = 'agree' | 'disagree' | 'exposureAuthorization';
export type PrivacyResolve = (result: { event: PrivacyEvent; buttonId?: string }) => void;
type Listener = (resolve: PrivacyResolve, info: { referrer: string }) => void;
type Shower = (resolve: PrivacyResolve) => void;

/** The typings declare the listener with the wrong arguments; this is the documented shape. */
type OnNeedPrivacyAuthorization = (listener: Listener) => void;

const showers: Shower[] = [];
let installed = false;

/** Called once from app.ts. */
export function installPrivacyHandler(): void {
  if (installed) return;
  const on = (wx as unknown as { onNeedPrivacyAuthorization?: OnNeedPrivacyAuthorization }).onNeedPrivacyAuthorization;
  if (typeof on !== 'function') return; // older WeChat: the platform shows its own prompt
  installed = true;
  on.call(wx, (resolve) => {
    const show = showers[showers.length - 1];
    if (show) show(resolve);
    else resolve({ event: 'disagree' });
  });
}

/** A mounted privacy-popup registers itself; the newest (top page) one answers. */
export function registerPrivacyPopup(show: Shower): () => void {
  showers.push(show);
  return () => {
    const i = showers.indexOf(show);
    if (i >= 0) showers.splice(i, 1);
  };
}
