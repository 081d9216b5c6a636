// Wiring of the cloud deployment: the real stores over wx-server-sdk, the system clock.
import type { Deps } from '../../ports';
import { systemClock } from '../runtime/clock';
import { cryptoIds } from '../runtime/ids';
import { AesSealer } from '../runtime/seal';
import { CloudRateLimiter } from './rate-limit-store';
import { templateIds, templateKinds } from '../../config/templates';
import { CloudCategoryStore, CloudDepartmentStore } from './catalog-store';
import { CloudContentCheck } from './content-check';
import { CloudFileStore } from './files';
import { CloudGrantStore } from './grant-store';
import { CloudGridStore, CloudPlaceStore } from './grid-store';
import { CloudMessageSender } from './message-sender';
import { CloudOutboxStore } from './outbox-store';
import { CloudFiguresStore } from './figures-store';
import { database } from './sdk';
import { CloudStaffStore } from './staff-store';
import { CloudAdminStore } from './admin-store';
import { CloudMiniCodes } from './mini-codes';
import { CloudSupervisionStore } from './supervision-store';
import { CloudTicketStore } from './ticket-store';
import { CloudPeriodTicketStore } from './period-ticket-store';

export { openidFromContext } from './sdk';

export interface StoreOverrides {
  clock?: Deps['clock'];
  files?: Deps['files'];
  content?: Deps['content'];
  sender?: Deps['sender'];
  codes?: Deps['codes'];
  superAdminOpenids?: readonly string[];
}

export function parseOpenidList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The deps of both functions; locally only the clock and the file store are swapped. */
export function createCloudDeps(overrides: StoreOverrides = {}): Deps {
  const db = database();
  const grids = new CloudGridStore(db);
  const staff = new CloudStaffStore(db);
  return {
    clock: overrides.clock ?? systemClock,
    ids: cryptoIds,
    tickets: new CloudTicketStore(db),
    periodTickets: new CloudPeriodTicketStore(db),
    staff,
    admin: new CloudAdminStore(db, () => staff.forgetShown()),
    codes: overrides.codes ?? new CloudMiniCodes(),
    grids,
    places: new CloudPlaceStore(grids),
    departments: new CloudDepartmentStore(db),
    categories: new CloudCategoryStore(db),
    figures: new CloudFiguresStore(db),
    supervisions: new CloudSupervisionStore(db),
    files: overrides.files ?? new CloudFileStore(),
    content: overrides.content ?? new CloudContentCheck(),
    outbox: new CloudOutboxStore(db),
    grants: new CloudGrantStore(db),
    sender: overrides.sender ?? new CloudMessageSender(),
    sealer: new AesSealer(),
    limits: new CloudRateLimiter(db),
    config: {
      superAdminOpenids: overrides.superAdminOpenids ?? parseOpenidList(process.env.SUPER_ADMIN_OPENIDS),
      templateIds: templateIds(process.env.SUBSCRIBE_TEMPLATE_IDS),
      templateKinds: templateKinds(process.env.SUBSCRIBE_TEMPLATE_KINDS),
      ...(Number(process.env.EXPORT_MAX_TICKETS) > 0 ? { exportMaxTickets: Number(process.env.EXPORT_MAX_TICKETS) } : {}),
    },
  };
}
