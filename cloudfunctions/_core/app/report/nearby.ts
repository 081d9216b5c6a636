// report.nearby: before a new ticket is made, open tickets of the same category within 50 m
// from the last 24 hours are offered as "同一个问题?". Only what a neighbour may see: number,
// status, category, distance and a short excerpt — never who reported it.
import { z } from 'zod';
import { haversineMeters, metersPerDegreeLongitude, METERS_PER_DEGREE } from '../../domain/routing';
import { categoryCode, location } from '../schemas';
import { defineUseCase } from '../use-case';

export const NEARBY_METERS = 50;
const DAY_MS = 24 * 60 * 60 * 1000;
const EXCERPT = 40;

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
      .map(({ t, distance }) => ({
        id: t.id,
        no: t.no,
        status: t.status,
        category: t.category,
        description: Array.from(t.description).slice(0, EXCERPT).join('') + (Array.from(t.description).length > EXCERPT ? '…' : ''),
        distanceMeters: Math.round(distance),
        createdAt: t.createdAt.toISOString(),
      }));
    return { items };
  },
});
