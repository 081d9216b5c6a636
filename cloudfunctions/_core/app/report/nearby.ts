// report.nearby: before a new ticket is made, open tickets of the same category within 50 m
// from the last 24 hours are offered as "同一个问题?". Only what a neighbour needs to decide:
// category, status, a masked excerpt, the hour — never who reported it, never an identifier of
// the ticket (an opaque, short-lived ref lets this caller follow it), never a distance finer
// than 50 m; and a resident may ask only so often, so a sweep of the map cannot locate people.
import { z } from 'zod';
import { maskedExcerpt } from '../../domain/privacy';
import { haversineMeters, metersPerDegreeLongitude, METERS_PER_DEGREE } from '../../domain/routing';
import { fail } from '../errors';
import { categoryCode, location } from '../schemas';
import { defineUseCase } from '../use-case';
import { DAY_MS, HOUR_MS } from '../../domain/time-units';

export const NEARBY_METERS = 50 as const;
/** Same-problem checks per person per hour: a few reports' worth, not a map sweep. */
export const NEARBY_PER_HOUR = 20;
/** How long a ref stays good for report.follow. */
export const FOLLOW_REF_MS = 30 * 60 * 1000;
export const FOLLOW_PURPOSE = 'follow';
const EXCERPT = 30;
const MAX_ITEMS = 5;

export const nearbyReports = defineUseCase('report.nearby', {
  who: 'anyone',
  params: z.strictObject({ category: categoryCode, location }),
  run: async (params, ctx) => {
    const { actor, deps, now } = ctx;
    if (!(await deps.limits.hit(`nearby|${actor.openid}`, NEARBY_PER_HOUR, HOUR_MS, now))) {
      throw fail('RATE_LIMITED', '查询太频繁了，请直接提交');
    }
    const { latitude, longitude } = params.location;
    const dLat = NEARBY_METERS / METERS_PER_DEGREE;
    const dLng = NEARBY_METERS / metersPerDegreeLongitude(latitude);
    const candidates = await deps.tickets.nearby(
      params.category,
      { minLat: latitude - dLat, maxLat: latitude + dLat, minLng: longitude - dLng, maxLng: longitude + dLng },
      new Date(now.getTime() - DAY_MS),
    );
    const category = await deps.categories.get(params.category);
    const items = candidates
      // The caller's own reports are in 我的上报 already.
      .filter((t) => t.reporterOpenid !== actor.openid && haversineMeters({ latitude, longitude }, t.location) <= NEARBY_METERS)
      // Newest first: the order says nothing about distance.
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, MAX_ITEMS)
      .map((t) => ({
        ref: deps.sealer.seal(FOLLOW_PURPOSE, `${t.id}|${actor.openid}`, now, FOLLOW_REF_MS),
        status: t.status,
        category: t.category,
        categoryName: category?.name ?? t.category,
        description: maskedExcerpt(t.description, EXCERPT),
        withinMeters: NEARBY_METERS,
        reportedHour: new Date(Math.floor(t.createdAt.getTime() / HOUR_MS) * HOUR_MS).toISOString(),
      }));
    return { items };
  },
});
