// The ports the use cases depend on, one module per family. The CloudBase adapter implements the
// stores with the real wx-server-sdk database API (locally it talks to the embedded local cloud);
// messages, content security and files have a cloud adapter and a local twin.
import type { Clock, Config, ContentCheck, FileStore, Ids, MiniCodes, RateLimiter, Sealer } from './platform';
import type { PeriodTicketStore, SupervisionStore, TicketStore } from './tickets';
import type { AdminStore, StaffStore } from './staff';
import type { CategoryStore, DepartmentStore, GridStore, PlaceStore } from './places';
import type { FiguresStore } from './figures';
import type { GrantStore, MessageSender, OutboxStore } from './notifications';

export * from './platform';
export * from './tickets';
export * from './staff';
export * from './places';
export * from './figures';
export * from './notifications';
export * from './errors';

export interface Deps {
  clock: Clock;
  ids: Ids;
  tickets: TicketStore;
  periodTickets: PeriodTicketStore;
  staff: StaffStore;
  admin: AdminStore;
  codes: MiniCodes;
  grids: GridStore;
  places: PlaceStore;
  departments: DepartmentStore;
  categories: CategoryStore;
  figures: FiguresStore;
  supervisions: SupervisionStore;
  files: FileStore;
  content: ContentCheck;
  outbox: OutboxStore;
  grants: GrantStore;
  sender: MessageSender;
  sealer: Sealer;
  limits: RateLimiter;
  config: Config;
}
