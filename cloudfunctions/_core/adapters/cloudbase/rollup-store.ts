// Figures' rollups (`rollups`, one document per Shanghai day × grid × category), read by area
// and day range, paged by id — never by scanning tickets.
import { COLLECTION } from './collections';
import type { Rollup } from '../../domain/figures';
import type { RollupArea, RollupStore } from '../../ports';
import { docs } from './results';
import { database, type Database } from './sdk';

const PAGE = 1000;

export class CloudRollupStore implements RollupStore {
  constructor(private readonly db: Database = database()) {}

  async list(area: RollupArea, fromDay: string, toDay: string): Promise<Rollup[]> {
    const _ = this.db.command;
    const where: Record<string, unknown> = { day: _.and([_.gte(fromDay), _.lte(toDay)]) };
    if ('gridCodes' in area) where.gridCode = _.in([...area.gridCodes]);
    else if ('community' in area) where.community = area.community;
    else if ('street' in area) where.street = area.street;
    else if ('district' in area) where.district = area.district;
    const out: Rollup[] = [];
    let after: string | null = null;
    for (;;) {
      const page = after === null ? where : { ...where, _id: _.gt(after) };
      const rows = await docs(this.db.collection(COLLECTION.rollups).where(page).orderBy('_id', 'asc').limit(PAGE).get());
      for (const row of rows) {
        const { _id: _omit, ...rollup } = row;
        out.push(rollup as unknown as Rollup);
      }
      if (rows.length < PAGE) return out;
      after = rows[rows.length - 1]?._id ?? null;
    }
  }
}
