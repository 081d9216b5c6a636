// Who may see a ticket and who must act on it, from the actor's role and scope alone.
// Responsibility follows the ticket's level (grid → community → street → district); while a
// ticket is dispatched, the department is responsible and the dispatching level only watches.
import { LEVELS, type Actor, type Level, type Ticket } from './types';

const LEVEL_RANK: Record<Level, number> = { grid: 0, community: 1, street: 2, district: 3 };

export function levelAbove(level: Level): Level | null {
  const next = LEVELS[LEVEL_RANK[level] + 1];
  return next ?? null;
}

/** The actor's grids (empty for any other scope). */
export function scopeGrids(actor: Actor): readonly string[] {
  return actor.scope && 'grids' in actor.scope ? actor.scope.grids : [];
}
/** The actor's community, street, district or department name, or null when their scope is another kind. */
export function scopeName(actor: Actor, key: 'community' | 'street' | 'district' | 'department'): string | null {
  if (!actor.scope || !(key in actor.scope)) return null;
  const value = (actor.scope as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
}

/** The staff member whose queue holds this ticket now (not the reporter, not a watcher). */
export function isResponsible(ticket: Ticket, actor: Actor): boolean {
  if (ticket.departmentCode !== null) {
    return actor.role === 'deptHandler' && scopeName(actor, 'department') === ticket.departmentCode;
  }
  const place = ticket.place;
  switch (actor.role) {
    case 'gridWorker':
      return ticket.level === 'grid' && place.gridCode !== null && scopeGrids(actor).includes(place.gridCode);
    case 'communityAdmin':
      // 网格长 can do everything a grid worker can, for every grid of the community.
      return (
        (ticket.level === 'grid' || ticket.level === 'community') &&
        place.community !== null &&
        scopeName(actor, 'community') === place.community
      );
    case 'streetAdmin':
      return ticket.level === 'street' && place.street !== null && scopeName(actor, 'street') === place.street;
    case 'districtAdmin':
      // A ticket that lies in no known district (triage far from every grid) is nobody's
      // district's: it belongs to the super admins until someone transfers it.
      return ticket.level === 'district' && place.district !== null && scopeName(actor, 'district') === place.district;
    case 'superAdmin':
      // The deployment's operator stands in for a district that has no admin yet, and holds triage.
      return ticket.level === 'district';
    default:
      return false;
  }
}

/** Staff who may supervise (督办): street or district admins over tickets in their area. */
export function isSupervisor(ticket: Ticket, actor: Actor): boolean {
  if (actor.role === 'superAdmin') return true;
  if (actor.role === 'streetAdmin') return ticket.place.street !== null && scopeName(actor, 'street') === ticket.place.street;
  if (actor.role === 'districtAdmin') return ticket.place.district !== null && scopeName(actor, 'district') === ticket.place.district;
  return false;
}

/** Whether the actor may read the ticket at all. Residents see only their own reports. */
export function canSee(ticket: Ticket, actor: Actor): boolean {
  if (ticket.reporterOpenid === actor.openid || ticket.claimantOpenid === actor.openid) return true;
  // A follower sees it too (the view leaves out the reporter's own details).
  if (ticket.followers.includes(actor.openid)) return true;
  const place = ticket.place;
  switch (actor.role) {
    case 'resident':
      return false;
    case 'gridWorker':
      return place.gridCode !== null && scopeGrids(actor).includes(place.gridCode);
    case 'communityAdmin':
      return place.community !== null && scopeName(actor, 'community') === place.community;
    case 'streetAdmin':
      return place.street !== null && scopeName(actor, 'street') === place.street;
    case 'districtAdmin':
      return place.district !== null && scopeName(actor, 'district') === place.district;
    case 'deptHandler':
      return ticket.departmentCode !== null && scopeName(actor, 'department') === ticket.departmentCode;
    case 'superAdmin':
      return true;
  }
}

export function isStaff(actor: Actor): boolean {
  return actor.role !== 'resident';
}

// ---- the same rules as keys a store can index ----
// A ticket lists the queues responsible for it now (`duty`) and every place above it (`areas`);
// an actor lists the keys of their own queues and places. isResponsible and canSee hold exactly
// when the two lists meet (tests check this over every role, scope and ticket shape), so a list
// query is one indexed `in` on a key array instead of a different filter per role.

/** Keys of whoever must act on the ticket now. */
export function dutyKeys(ticket: Ticket): string[] {
  if (ticket.departmentCode !== null) return [`dept:${ticket.departmentCode}`];
  const { gridCode, community, street, district } = ticket.place;
  switch (ticket.level) {
    case 'grid':
      return [...(gridCode !== null ? [`grid:${gridCode}`] : []), ...(community !== null ? [`community:${community}`] : [])];
    case 'community':
      return community !== null ? [`community:${community}`] : [];
    case 'street':
      return street !== null ? [`street:${street}`] : [];
    case 'district':
      return [...(district !== null ? [`district:${district}`] : []), 'super'];
  }
}

/** Keys of every place (and the department) a watcher may see the ticket from. */
export function areaKeys(ticket: Ticket): string[] {
  const { gridCode, community, street, district } = ticket.place;
  return [
    ...(gridCode !== null ? [`grid:${gridCode}`] : []),
    ...(community !== null ? [`community:${community}`] : []),
    ...(street !== null ? [`street:${street}`] : []),
    ...(district !== null ? [`district:${district}`] : []),
    ...(ticket.departmentCode !== null ? [`dept:${ticket.departmentCode}`] : []),
    'all',
  ];
}

const named = (actor: Actor, key: 'community' | 'street' | 'district' | 'department', prefix: string): string[] => {
  const name = scopeName(actor, key);
  return name !== null ? [`${prefix}:${name}`] : [];
};

/** The queues the actor works: match against a ticket's dutyKeys. */
export function actorDutyKeys(actor: Actor): string[] {
  switch (actor.role) {
    case 'gridWorker':
      return scopeGrids(actor).map((g) => `grid:${g}`);
    case 'communityAdmin':
      return named(actor, 'community', 'community');
    case 'streetAdmin':
      return named(actor, 'street', 'street');
    case 'districtAdmin':
      return named(actor, 'district', 'district');
    case 'deptHandler':
      return named(actor, 'department', 'dept');
    case 'superAdmin':
      return ['super'];
    case 'resident':
      return [];
  }
}

/** The places the actor watches: match against a ticket's areaKeys. */
export function actorAreaKeys(actor: Actor): string[] {
  switch (actor.role) {
    case 'gridWorker':
      return scopeGrids(actor).map((g) => `grid:${g}`);
    case 'communityAdmin':
      return named(actor, 'community', 'community');
    case 'streetAdmin':
      return named(actor, 'street', 'street');
    case 'districtAdmin':
      return named(actor, 'district', 'district');
    case 'deptHandler':
      return named(actor, 'department', 'dept');
    case 'superAdmin':
      return ['all'];
    case 'resident':
      return [];
  }
}
