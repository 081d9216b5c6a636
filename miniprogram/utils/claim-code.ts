// The code a grid worker shows to hand a 代报 over to the resident it was filed for: letters and
// digits only, read without case (the server checks it for real). It arrives typed, in a page
// link (?code=…), in a mini program code's scene, or in a scanned text or path.
const CODE = /^[A-Z0-9]{4,12}$/;

export function normaliseClaimCode(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase().slice(0, 12);
}

export function isClaimCode(text: string): boolean {
  return CODE.test(text);
}

/** The code in a scan result or link: the text itself, or its `code=` / `scene=` parameter. */
export function claimCodeFrom(text: string | undefined): string {
  if (!text) return '';
  let raw = text;
  const param = /(?:^|[?&])(?:code|scene)=([^&#]+)/.exec(text);
  if (param?.[1]) {
    try {
      raw = decodeURIComponent(param[1]);
    } catch {
      raw = param[1];
    }
  }
  const code = normaliseClaimCode(raw);
  return isClaimCode(code) ? code : '';
}
