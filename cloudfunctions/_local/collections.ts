// Creates the database the way deploy does on TCB: every collection of the one list in
// adapters/cloudbase/collections.ts, with its indexes. Idempotent (a restart over a kept data
// file re-declares the same indexes); the local cloud refuses every other collection.
import { COLLECTIONS } from '../_core/adapters/cloudbase/collections';
import type { LocalCloud } from './cloud';

export function createCollections(cloud: LocalCloud): void {
  for (const spec of COLLECTIONS) {
    cloud.createCollection(spec.name);
    for (const index of spec.indexes) {
      if (index.unique)
        cloud.ensureUniqueIndex(
          spec.name,
          index.fields.map(([field]) => field),
        );
      else cloud.declareIndex(spec.name, index.fields);
    }
  }
}
