// One-time subscription grants in the `grants` collection, one document per person and
// template (`${openid}|${templateKey}`) counting the 'accept's not used yet. Every change is a
// single conditional update on the server ($inc, and `available > 0` to take one), so parallel
// submits and deliveries count exactly: a grant is never used twice, never lost.
import { COLLECTION } from './collections';
import type { GrantStore } from '../../ports';
import { doc, isDuplicateKey, updated } from './results';
import { database, type Database } from './sdk';

export const grantId = (openid: string, template: Api.TemplateKey): string => `${openid}|${template}`;

/**
 * At most this many unused grants per person and template: a real person's taps add one now and
 * then; a client calling subscription.record in a loop cannot pile up thousands.
 */
export const MAX_GRANTS_IN_STOCK = 20;

export class CloudGrantStore implements GrantStore {
  constructor(private readonly db: Database = database()) {}

  async add(openid: string, template: Api.TemplateKey, count: number, now: Date): Promise<void> {
    if (!Number.isInteger(count) || count <= 0) return;
    const id = grantId(openid, template);
    const wanted = Math.min(count, MAX_GRANTS_IN_STOCK);
    // wx-server-sdk has no upsert for where().update(): increment (only while the stock stays
    // under the cap), else create; if the document exists (someone created it meanwhile, or the
    // stock is full), increment once more, and a full stock simply stays full.
    if ((await this.increment(id, wanted, now)) > 0) return;
    try {
      await this.db.collection(COLLECTION.grants).add({ data: { _id: id, openid, template, available: wanted, updatedAt: now } });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await this.increment(id, wanted, now);
    }
  }

  async take(openid: string, template: Api.TemplateKey, now: Date): Promise<boolean> {
    const _ = this.db.command;
    const result = this.db
      .collection(COLLECTION.grants)
      .where({ _id: grantId(openid, template), available: _.gt(0) })
      .update({ data: { available: _.inc(-1), updatedAt: now } });
    return (await updated(result)) === 1;
  }

  async giveBack(openid: string, template: Api.TemplateKey, now: Date): Promise<void> {
    await this.add(openid, template, 1, now);
  }

  async has(openid: string, template: Api.TemplateKey): Promise<boolean> {
    const found = await doc(this.db.collection(COLLECTION.grants).doc(grantId(openid, template)).get());
    return found !== null && Number(found.available ?? 0) > 0;
  }

  private increment(id: string, count: number, now: Date): Promise<number> {
    const _ = this.db.command;
    return updated(
      this.db
        .collection(COLLECTION.grants)
        .where({ _id: id, available: _.lte(MAX_GRANTS_IN_STOCK - count) })
        .update({ data: { available: _.inc(count), updatedAt: now } }),
    );
  }
}
