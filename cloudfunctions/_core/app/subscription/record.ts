// subscription.record: what wx.requestSubscribeMessage answered in the tap that submitted,
// { [real template id]: 'accept' | 'reject' | 'ban' | 'filter' }. Each 'accept' allows exactly
// one message of that template (PLATFORM.md rule 12), so it adds one grant for the caller; the
// deliver job uses one per message it sends. Ids this build does not know are ignored, but a
// call naming none of ours is refused, so a stray call changes nothing.
import { z } from 'zod';
import { contractEnum } from '../../domain/contract-enum';
import { fail } from '../errors';
import { defineUseCase } from '../use-case';

/** wx.requestSubscribeMessage takes at most 5 ids per call (we ask for ≤ 3). */
export const MAX_GRANTS_PER_CALL = 5;

const templateId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '订阅模板编号不正确');
const grantResult = contractEnum<Api.GrantResult>()(['accept', 'reject', 'ban', 'filter']);

export const recordSubscription = defineUseCase('subscription.record', {
  who: 'anyone',
  params: z.strictObject({
    grants: z
      .record(templateId, grantResult)
      .refine((grants) => Object.keys(grants).length <= MAX_GRANTS_PER_CALL, `一次最多记录 ${MAX_GRANTS_PER_CALL} 个订阅`),
  }),
  run: async (params, ctx) => {
    const { actor, deps, now } = ctx;
    // Real template id → our keys (a Map: an id such as "constructor" is never a lookup hit).
    const keysOf = new Map<string, Api.TemplateKey[]>();
    for (const [key, id] of Object.entries(deps.config.templateIds) as Array<[Api.TemplateKey, string]>) {
      keysOf.set(id, [...(keysOf.get(id) ?? []), key]);
    }
    const known = Object.entries(params.grants).filter(([id]) => keysOf.has(id));
    if (known.length === 0) throw fail('INVALID_INPUT', '没有可记录的订阅消息模板');
    let recorded = 0;
    for (const [id, result] of known) {
      if (result !== 'accept') continue;
      for (const key of keysOf.get(id) ?? []) await deps.grants.add(actor.openid, key, 1, now);
      recorded += 1;
    }
    return { recorded };
  },
});
