// Text that anyone else will read — reports, comments, replies, names — goes through WeChat
// content security (msgSecCheck v2) before it is stored: `risky` is refused with
// CONTENT_REJECTED and nothing changes. Many short texts (an import's place names) are checked
// together in a few calls.
import { fail } from './errors';
import type { Deps } from '../ports';
import type { CallContext } from './use-case';

/** msgSecCheck takes up to 2 500 characters; stay well below. */
const BATCH_CHARS = 2_000;

export function ensureClean(ctx: CallContext, texts: ReadonlyArray<string | null | undefined>): Promise<void> {
  return ensureCleanBy(ctx.deps, ctx.actor.openid, texts);
}

/** The same check by openid alone (a use case's `early` part, before the caller's role is known). */
export async function ensureCleanBy(deps: Deps, openid: string, texts: ReadonlyArray<string | null | undefined>): Promise<void> {
  for (const text of texts) {
    if (!text) continue;
    const verdict = await deps.content.check(openid, text);
    if (verdict === 'risky') throw fail('CONTENT_REJECTED');
  }
}

/** Checks many short texts (names) in batches joined by line breaks; any risky batch refuses all. */
export async function ensureAllClean(ctx: CallContext, texts: Iterable<string>): Promise<void> {
  const batches: string[] = [];
  let current = '';
  for (const text of new Set(texts)) {
    if (current.length > 0 && current.length + text.length + 1 > BATCH_CHARS) {
      batches.push(current);
      current = '';
    }
    current = current.length > 0 ? `${current}\n${text}` : text;
  }
  if (current.length > 0) batches.push(current);
  await ensureClean(ctx, batches);
}
