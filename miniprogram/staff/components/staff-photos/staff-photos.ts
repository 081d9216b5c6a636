// Photos taken on the spot (办结 photos, a 代报's photos): add from the camera or album (shrunk to
// the upload limit), enlarge, remove (behaviors/photo-grid); at most `max`. The page uploads them
// when it sends.
import { photoGrid } from '../../../behaviors/photo-grid';
import { zh } from '../../../i18n/zh';

Component({
  behaviors: [photoGrid],
  properties: {
    /** A form starting over changes this: the grid empties. */
    generation: { type: Number, value: 0 },
  },
  observers: {
    generation(): void {
      if (this.data.photos.length > 0) this.clear();
    },
  },
  data: {
    t: zh.staff.photos,
  },
  methods: {
    clear(): void {
      this.setData({ photos: [] });
      this.changed();
    },

    async onAdd(): Promise<void> {
      const t = zh.staff.photos;
      const chosen = await this.choose({ limit: t.limit, failed: t.failed });
      if (!chosen) return;
      this.setData({ adding: false, photos: [...this.data.photos, ...chosen.added] });
      this.changed();
      const problem = chosen.problems[chosen.problems.length - 1];
      if (chosen.overLimit) wx.showToast({ title: t.limit, icon: 'none' });
      else if (problem) wx.showToast({ title: problem === 'tooLarge' ? t.tooLarge : t.failed, icon: 'none' });
    },
  },
});
