// Event shapes the pages receive, named once.
export type TapEvent<Dataset extends WechatMiniprogram.IAnyObject = Record<string, never>> = WechatMiniprogram.BaseEvent<
  WechatMiniprogram.IAnyObject,
  Dataset
>;

/** TDesign inputs (t-textarea, t-input) report their text as detail.value. */
export type ValueEvent<V = string> = WechatMiniprogram.CustomEvent<{ value: V }>;

/** Page query parameters as onLoad receives them. */
export type Query = Record<string, string | undefined>;

/** A query value, decoded once (navigateTo passes them encoded; a bad escape is kept as is). */
export function queryValue(query: Query | undefined, key: string): string {
  const raw = query ? query[key] : undefined;
  if (!raw) return '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
