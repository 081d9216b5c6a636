// report.nearby: before a new ticket is made, open tickets of the same category within 50 m
// from the last 24 hours are offered as "同一个问题?". Only what a neighbour may see: number,
// status, category, distance and a short excerpt — never who reported it.
import { z } from 'zod';
import { haversineMeters, metersPerDegreeLongitude, METERS_PER_DEGREE } from '../../domain/routing';
import { categoryCode, location } from '../schemas';
import { defineUseCase } from '../use-case';

export const NEARBY_METERS = 50;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Enough words to recognise the problem; long digit runs (phone numbers, door codes) are masked. */
const EXCERPT = 30;
const excerpt = (text: string): string => {
  const chars = Array.from(text.replace(/\d{6,}/g, '******'));
  return chars.length > EXCERPT ? `${chars.slice(0, EXCERPT).join('')}…` : chars.join('');
};

export const nearbyReports = defineUseCase('report.nearby', {
  who: 'anyone',
  params: z.strictObject({ category: categoryCode, location }),
  run: async (params, ctx) => {
    const { latitude, longitude } = params.location;
    const dLat = NEARBY_METERS / METERS_PER_DEGREE;
    const dLng = NEARBY_METERS / metersPerDegreeLongitude(latitude);
    const candidates = await ctx.deps.tickets.nearby(
      params.category,
      { minLat: latitude - dLat, maxLat: latitude + dLat, minLng: longitude - dLng, maxLng: longitude + dLng },
      new Date(ctx.now.getTime() - DAY_MS),
    );
    const items = candidates
      .map((t) => ({ t, distance: haversineMeters({ latitude, longitude }, t.location) }))
      .filter(({ distance }) => distance <= NEARBY_METERS)
      .sort((a, b) => a.distance - b.distance)
      .slice(0, 10)
      .map(({ t, distance }) => ({
        id: t.id,
        no: t.no,
        status: t.status,
        category: t.category,
        description: excerpt(t.description),
        distanceMeters: Math.round(distance),
        createdAt: t.createdAt.toISOString(),
      }));
    return { items };
  },
});
