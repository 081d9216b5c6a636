// report.submit: a resident's one-tap report (or a grid worker's patrol find / 代报), routed to
// exactly one grid or a triage queue, with its acceptance deadline. The same clientRequestId
// twice makes one ticket: the id is derived from it, and the store refuses a second insert.
import { z } from 'zod';
import { contractEnum } from '../../domain/contract-enum';
import { openTicket } from '../../domain/lifecycle';
import { ticketNo } from '../../domain/ticket-no';
import type { Ticket } from '../../domain/types';
import { fail } from '../errors';
import { routeReport } from '../routing';
import { buildEffects, newTicketRecipients } from '../ticket/effects';
import { ensureCleanBy } from '../content';
import { deadlineView } from '../ticket/view';
import { categoryCode, location, phone, photos, text } from '../schemas';
import { sla } from '../sla';
import { defineUseCase } from '../use-case';
import { HOUR_MS } from '../../domain/time-units';
import type { Deps } from '../../ports';

export const MAY_FILE_FOR_OTHERS: ReadonlySet<Api.Role> = new Set(['gridWorker', 'communityAdmin']);
/** A resident may submit at most 10 reports an hour (DOMAIN.md, Privacy and abuse). */
export const REPORTS_PER_HOUR = 10;

/** A report's ticket id: the same request id from the same person is the same ticket. */
const ticketIdOf = (deps: Deps, openid: string, clientRequestId: string): string =>
  deps.ids.idFromKey(`ticket|${openid}|${clientRequestId}`);

export const submitReport = defineUseCase('report.submit', {
  who: 'anyone',
  params: z.strictObject({
    category: categoryCode,
    kind: contractEnum<Api.Kind>()(['complaint', 'suggestion', 'question']),
    description: text(500),
    photos,
    location,
    contactPhone: phone.optional(),
    clientRequestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号不正确'),
    onBehalfOf: z.strictObject({ name: text(20), phone }).optional(),
    patrol: z.boolean().optional(),
  }),
  // Everything that needs only the report and who sent it, beside the lookup of the sender's role:
  // the checks that refuse it, then at once the hourly limit's hit and the read of who hears of
  // it. The hit is counted only for a report that passed every check a resident's report can
  // fail (a 代报 or patrol find is staff's, and staff are not limited).
  early: async (params, openid, deps, now) => {
    const category = await deps.categories.get(params.category);
    if (!category) throw fail('INVALID_INPUT', '请选择问题类型', [{ path: 'category', message: '没有这个问题类型' }]);
    // A form opened before an admin retired it: the form reads the list again and asks anew.
    if (category.retired) throw fail('INVALID_INPUT', '这个问题类型已停用，请重新选择', [{ path: 'category', message: '已停用' }]);
    if (params.photos.some((p) => !deps.files.isOwnUpload(openid, p))) {
      throw fail('INVALID_INPUT', '只能使用本人上传的照片');
    }
    await ensureCleanBy(deps, openid, [params.description, params.location.address, params.onBehalfOf?.name]);
    const routed = await routeReport(deps, params.location);
    const id = ticketIdOf(deps, openid, params.clientRequestId);
    const [admission, recipients] = await Promise.all([
      params.onBehalfOf || params.patrol
        ? ('admitted' as const)
        : deps.limits.admit(`report|${openid}`, id, REPORTS_PER_HOUR, HOUR_MS, now),
      newTicketRecipients(deps, routed),
    ]);
    return { category, routed, id, admission, recipients };
  },
  run: async (params, ctx, early) => {
    const { actor, deps, now } = ctx;
    if ((params.onBehalfOf || params.patrol) && !MAY_FILE_FOR_OTHERS.has(actor.role)) {
      throw fail('FORBIDDEN', '只有网格员可以代报或上报巡查发现');
    }
    if (params.onBehalfOf && params.patrol) throw fail('INVALID_INPUT', '代报和巡查上报只能选一种');
    const { category, routed, id, admission, recipients } = await early;

    let ticket: Ticket;
    if (actor.role === 'resident' && admission === 'full') {
      // A retry of a report made before the limit was reached is answered with its ticket.
      const existing = await deps.tickets.get(id);
      if (!existing) throw fail('RATE_LIMITED', '一小时内最多上报 10 件，请稍后再试');
      ticket = existing;
    } else {
      // A 代报's resident claims it later with this code (shown to the worker who filed it).
      const claimCode = params.onBehalfOf ? deps.ids.inviteCode() : null;
      const build = (attempt: number): Ticket =>
        openTicket(
          {
            id,
            no: ticketNo(now, id, attempt),
            reporter: actor,
            source: params.onBehalfOf ? 'proxy' : params.patrol ? 'patrol' : 'resident',
            reporterName: params.onBehalfOf?.name ?? null,
            contactPhone: params.onBehalfOf?.phone ?? params.contactPhone ?? null,
            category: { code: category.code, profile: category.profile },
            kind: params.kind,
            description: params.description,
            photos: params.photos,
            location: {
              latitude: params.location.latitude,
              longitude: params.location.longitude,
              address: params.location.address ?? null,
            },
            place: routed.place,
            level: routed.level,
            note: routed.note,
            claimCode,
          },
          { now, sla },
        );
      // A retry (a lost answer on a bad connection) gets its ticket from create, whose insert
      // fails on the taken id: no read up front, which every first submit would pay for.
      const made = await deps.tickets.create(id, build, (t) =>
        buildEffects({ deps, before: null, after: t, recipients, categoryName: category.name, now }).outbox.map((m) => ({
          ...m,
          // The same report sent again queues the same rows, not a second message.
          id: deps.ids.idFromKey(`outbox|${t.id}|${t.no}|${m.touser}|${m.template}`),
        })),
      );
      ticket = made.ticket;
    }
    if (ticket.reporterOpenid !== actor.openid) throw fail('CONFLICT');
    // The same request id means the same report: a different one under a reused id is refused,
    // not silently answered with the old ticket.
    const same =
      ticket.category === params.category &&
      ticket.kind === params.kind &&
      ticket.description === params.description &&
      ticket.location.latitude === params.location.latitude &&
      ticket.location.longitude === params.location.longitude &&
      ticket.photos.length === params.photos.length &&
      ticket.photos.every((p, i) => p === params.photos[i]);
    if (!same) throw fail('CONFLICT', '这个提交编号已用于另一条上报，请重新提交');
    return {
      ticketId: ticket.id,
      no: ticket.no,
      status: ticket.status,
      gridCode: ticket.place.gridCode,
      acceptBy: ticket.acceptBy ? ticket.acceptBy.toISOString() : null,
      deadline: deadlineView(ticket, now),
    };
  },
});
