// The privacy scan every verify answer goes through (DOMAIN.md, Privacy and abuse): no answer to
// anyone carries another user's openid or a contact phone unmasked; no answer to a resident
// carries another resident's private words (followers see them masked) or the upload folder of
// another resident's photos. Staff in scope may read a report's words and see its photos.

export interface PrivateText {
  /** Who may read it as written: its reporter, the resident who claimed it. */
  owners: Set<string>;
  /** Pieces that must never reach anyone else among residents (a phone, a name, a house number …). */
  fragments: string[];
  /** Staff who may read them (in scope); undefined: any staff member (the scan checks residents only). */
  readers?: Set<string>;
}

export interface Leak {
  caller: string | null;
  action: string;
  kind: 'openid' | 'phone' | 'text' | 'photo';
  what: string;
}

export class PrivacyScan {
  /** Every openid of the run (shared: support/world.ts adds each one it makes). */
  constructor(readonly openids: Set<string> = new Set()) {}
  readonly phones = new Set<string>();
  readonly texts: PrivateText[] = [];
  /** A resident's upload folder key → the resident. */
  readonly folders = new Map<string, string>();
  answers = 0;
  readonly leaks: Leak[] = [];

  addOpenid(openid: string): void {
    this.openids.add(openid);
  }

  /** A contact phone: never shown unmasked to anyone, whatever its spelling. */
  addPhone(phone: string): void {
    this.phones.add(phone);
    this.phones.add(phone.replace(/\D/g, ''));
  }

  addText(owner: string, fragments: string[], readers?: Set<string>): PrivateText {
    const text: PrivateText = { owners: new Set([owner]), fragments, ...(readers ? { readers } : {}) };
    this.texts.push(text);
    return text;
  }

  addFolder(openid: string, folder: string): void {
    this.folders.set(folder.replace(/^uploads\//, ''), openid);
  }

  /** Scans one answer given to `caller` (null: no user); `resident` says whether the caller is a resident. */
  check(caller: string | null, resident: boolean, action: string, answer: unknown): Leak[] {
    this.answers += 1;
    const text = JSON.stringify(answer) ?? '';
    const found: Leak[] = [];
    for (const openid of this.openids)
      if (openid !== caller && text.includes(openid)) found.push({ caller, action, kind: 'openid', what: openid });
    for (const phone of this.phones) if (text.includes(phone)) found.push({ caller, action, kind: 'phone', what: phone });
    if (resident || caller === null) {
      for (const t of this.texts) {
        if (caller !== null && t.owners.has(caller)) continue;
        for (const fragment of t.fragments) if (text.includes(fragment)) found.push({ caller, action, kind: 'text', what: fragment });
      }
      for (const [folder, owner] of this.folders)
        if (owner !== caller && text.includes(folder)) found.push({ caller, action, kind: 'photo', what: folder });
    } else {
      // Staff: the words of a report only in scope.
      for (const t of this.texts) {
        if (!t.readers || t.readers.has(caller)) continue;
        for (const fragment of t.fragments) if (text.includes(fragment)) found.push({ caller, action, kind: 'text', what: fragment });
      }
    }
    this.leaks.push(...found);
    return found;
  }
}
