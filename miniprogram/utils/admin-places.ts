// The places page's view of admin.grids.list: grids grouped under district · street · community,
// in the order the server pages them (by code), and the import preview's summary lines.
import { zh } from '../i18n/zh';

export interface PlaceGroup {
  key: string;
  title: string;
  grids: Array<{ code: string; name: string; sub: string }>;
}

/** Groups grids by their community (with its street and district), keeping the server's order. */
export function groupPlaces(grids: readonly Api.GridSummary[]): PlaceGroup[] {
  const groups = new Map<string, PlaceGroup>();
  for (const g of grids) {
    const key = [g.district ?? '', g.street ?? '', g.community ?? ''].join('/');
    let group = groups.get(key);
    if (!group) {
      group = { key, title: [g.district, g.street, g.community].filter(Boolean).join(' · ') || '—', grids: [] };
      groups.set(key, group);
    }
    group.grids.push({
      code: g.code,
      name: g.name,
      sub: [g.code, g.households !== null ? zh.admin.grids.households(g.households) : ''].filter(Boolean).join(' · '),
    });
  }
  return [...groups.values()];
}

export interface PreviewView {
  summary: string;
  counts: string[];
  lists: Array<{ key: string; title: string; rows: string[] }>;
  warnings: string[];
  truncated: boolean;
}

const line = (g: Api.GridChangeItem): string =>
  `${g.name}（${g.code}）${g.fields && g.fields.length ? zh.admin.grids.changedFields(g.fields.join('、')) : ''}`;

export function previewView(p: Api.GridImportPreview): PreviewView {
  const t = zh.admin.grids;
  return {
    summary: t.summary(p.total),
    counts: [
      t.added(p.added.length),
      t.changed(p.changed.length),
      t.unchanged(p.unchanged),
      ...(p.notInFile.length ? [t.notInFile(p.notInFile.length)] : []),
    ],
    lists: [
      { key: 'added', title: t.added(p.added.length), rows: p.added.map(line) },
      { key: 'changed', title: t.changed(p.changed.length), rows: p.changed.map(line) },
    ].filter((l) => l.rows.length > 0),
    warnings: p.warnings,
    truncated: p.truncated,
  };
}
