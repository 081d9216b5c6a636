// Just enough multipart/form-data parsing for wx.uploadFile against the local server: one
// file part and a few text fields.
export interface FormData {
  fields: Record<string, string>;
  file: { name: string; content: Buffer } | null;
}

export function parseMultipart(body: Buffer, contentType: string): FormData | null {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary}`);
  const result: FormData = { fields: {}, file: null };
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2); // skip CRLF after delimiter and before next
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const content = part.subarray(headerEnd + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      if (name && filename !== undefined) result.file = { name: filename, content: Buffer.from(content) };
      else if (name) result.fields[name] = content.toString('utf8');
    }
    start = next;
  }
  return result;
}
