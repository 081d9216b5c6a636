// Saving a ticket change: the ticket with its effects (outbox messages, 督办 record, answered
// supervisions) in one transaction conditional on the version read.
import type { Ticket } from '../../domain/types';
import type { ChangeEffects, Deps, SupervisionRecord } from '../../ports';
import { buildEffects, recipientsFor } from './effects';

export interface SaveOptions {
  supervision?: { by: string; byRole: SupervisionRecord['byRole']; note: string; byName?: string | null };
  answered?: ChangeEffects['answered'];
}

/** Saves a change with its effects; false when another change won the race. */
export async function saveChange(deps: Deps, before: Ticket, after: Ticket, now: Date, options: SaveOptions = {}): Promise<boolean> {
  const [recipients, category] = await Promise.all([recipientsFor(deps, after), deps.categories.get(after.category)]);
  const effects = buildEffects({
    deps,
    before,
    after,
    recipients,
    categoryName: category?.name ?? after.category,
    now,
    ...(options.supervision ? { supervision: options.supervision } : {}),
    ...(options.answered ? { answered: options.answered } : {}),
  });
  return deps.tickets.save(after, effects);
}
