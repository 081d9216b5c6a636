// ticket.duplicates: when staff reject a ticket as 重复上报, which ticket is kept? The open tickets
// of the same category within 50 m from the last 30 days that this staff member may see anyway
// (their scope), nearest first, by number — never the ticket itself. Residents' same-problem check
// (report.nearby) names no ticket; staff pick one by its id here.
import { z } from 'zod';
import { maskedExcerpt } from '../../domain/privacy';
import { canSee } from '../../domain/responsibility';
import { haversineMeters, metersPerDegreeLongitude, METERS_PER_DEGREE } from '../../domain/routing';
import { id } from '../schemas';
import { defineUseCase } from '../use-case';
import { loadVisibleTicket } from './load';

export const DUPLICATE_METERS = 50;
const DAY_MS = 24 * 60 * 60 * 1000;
const WINDOW_DAYS = 30;
const MAX_ITEMS = 10;
const EXCERPT = 40;

export const duplicateCandidates = defineUseCase('ticket.duplicates', {
  who: 'staff',
  params: z.strictObject({ ticketId: id }),
  run: async (params, ctx) => {
    const ticket = await loadVisibleTicket(params.ticketId, ctx);
    const { latitude, longitude } = ticket.location;
    const dLat = DUPLICATE_METERS / METERS_PER_DEGREE;
    const dLng = DUPLICATE_METERS / metersPerDegreeLongitude(latitude);
    const found = await ctx.deps.tickets.nearby(
      ticket.category,
      { minLat: latitude - dLat, maxLat: latitude + dLat, minLng: longitude - dLng, maxLng: longitude + dLng },
      new Date(ctx.now.getTime() - WINDOW_DAYS * DAY_MS),
    );
    const items = found
      .filter((t) => t.id !== ticket.id && canSee(t, ctx.actor))
      .map((t) => ({ t, distance: haversineMeters({ latitude, longitude }, t.location) }))
      .filter(({ distance }) => distance <= DUPLICATE_METERS)
      .sort((a, b) => a.distance - b.distance || a.t.createdAt.getTime() - b.t.createdAt.getTime())
      .slice(0, MAX_ITEMS)
      .map(({ t, distance }) => ({
        id: t.id,
        no: t.no,
        status: t.status,
        description: maskedExcerpt(t.description, EXCERPT),
        distanceMeters: Math.round(distance),
        createdAt: t.createdAt.toISOString(),
      }));
    return { items };
  },
});
