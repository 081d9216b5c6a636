// A list of scopes to pick from (grids, communities, streets, districts or departments): several
// for a grid worker, one for anyone else. Large rows, a tick on the picked ones.
import type { ScopeOption } from '../../../services/admin-places';
import type { TapEvent } from '../../../utils/events';

interface Row extends ScopeOption {
  on: boolean;
}

Component({
  properties: {
    options: { type: Array, value: [] as ScopeOption[] },
    value: { type: Array, value: [] as string[] },
    multiple: { type: Boolean, value: false },
  },
  data: {
    rows: [] as Row[],
  },
  observers: {
    'options, value': function (this: { setData(d: Record<string, unknown>): void }, options: ScopeOption[], value: string[]): void {
      this.setData({ rows: (options ?? []).map((o) => ({ ...o, on: (value ?? []).includes(o.key) })) });
    },
  },
  methods: {
    onPick(e: TapEvent<{ key?: string }>): void {
      const key = e.currentTarget.dataset.key;
      if (!key) return;
      const current = this.data.value as string[];
      const next = this.data.multiple ? (current.includes(key) ? current.filter((k) => k !== key) : [...current, key]) : [key];
      this.triggerEvent('change', { value: next });
    },
  },
});
