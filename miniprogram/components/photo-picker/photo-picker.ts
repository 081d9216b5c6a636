// Photos of the scene: camera or album, each shrunk to at most 300 KB (services/photos), shown as
// thumbnails that can be previewed or removed (behaviors/photo-grid). Raises `change` with { paths }
// (local, compressed files, in order) whenever the set changes; uploading them is the form's job.
import { photoGrid } from '../../behaviors/photo-grid';
import { zh } from '../../i18n/zh';

Component({
  behaviors: [photoGrid],
  data: {
    t: zh.report,
  },
  methods: {
    async onAdd(): Promise<void> {
      const chosen = await this.choose({ limit: zh.report.photoLimit, failed: zh.report.photoFailed });
      if (!chosen) return;
      // Append by path: only the new thumbnails travel through setData.
      const start = this.data.photos.length;
      const patch: Record<string, unknown> = { adding: false };
      chosen.added.forEach((p, i) => {
        patch[`photos[${start + i}]`] = p;
      });
      this.setData(patch);
      if (chosen.added.length > 0) this.changed();
      if (chosen.overLimit) wx.showToast({ title: zh.report.photoLimit, icon: 'none' });
      else if (chosen.problems.includes('tooLarge')) wx.showToast({ title: zh.report.photoTooLarge, icon: 'none' });
      else if (chosen.problems.length > 0) wx.showToast({ title: zh.report.photoFailed, icon: 'none' });
    },
  },
});
