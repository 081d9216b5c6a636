// Creates the database the way deploy does on TCB: every collection of the one list in
// adapters/cloudbase/collections.ts, with its indexes. Idempotent (a restart over a kept data
// file re-declares the same indexes); the local cloud refuses every other collection.
import { COLLECTIONS } from '../_core/adapters/cloudbase/collections';
import type { CloudAdmin } from './cloud';

export async function createCollections(cloud: CloudAdmin): Promise<void> {
  for (const spec of COLLECTIONS) {
    await cloud.createCollection(spec.name);
    for (const index of spec.indexes) {
      if (index.unique)
        await cloud.ensureUniqueIndex(
          spec.name,
          index.fields.map(([field]) => field),
        );
      else await cloud.declareIndex(spec.name, index.fields);
    }
  }
}
