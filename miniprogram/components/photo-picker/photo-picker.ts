// Photos of the scene: camera or album, each shrunk to at most 300 KB (services/photos), shown as
// thumbnails that can be previewed or removed. Raises `change` with { paths } (local, compressed
// files, in order) whenever the set changes; uploading them is the form's job.
import { zh } from '../../i18n/zh';
import { choosePhotos, isCancel, MAX_PHOTOS, PhotoTooLargeError, shrinkPhoto, type LocalPhoto } from '../../services/photos';
import type { TapEvent } from '../../utils/events';
import { instanceState } from '../../utils/instance-state';

interface PhotoItem {
  key: string;
  path: string;
}

const state = instanceState(() => ({ seq: 0 }));

Component({
  properties: {
    max: { type: Number, value: MAX_PHOTOS },
  },
  data: {
    t: zh.report,
    photos: [] as PhotoItem[],
    adding: false,
  },
  lifetimes: {
    detached(): void {
      state.drop(this);
    },
  },
  methods: {
    changed(): void {
      this.triggerEvent('change', { paths: this.data.photos.map((p) => p.path) });
    },

    async onAdd(): Promise<void> {
      const room = this.data.max - this.data.photos.length;
      if (room <= 0) {
        wx.showToast({ title: zh.report.photoLimit, icon: 'none' });
        return;
      }
      if (this.data.adding) return;
      let chosen: LocalPhoto[];
      try {
        chosen = await choosePhotos(room);
      } catch (err) {
        if (!isCancel(err)) wx.showToast({ title: zh.report.photoFailed, icon: 'none' });
        return;
      }
      this.setData({ adding: true });
      const s = state.of(this);
      const added: PhotoItem[] = [];
      let tooLarge = false;
      let failed = false;
      for (const photo of chosen.slice(0, room)) {
        try {
          const small = await shrinkPhoto(photo);
          s.seq += 1;
          added.push({ key: `p${s.seq}`, path: small.path });
        } catch (err) {
          if (err instanceof PhotoTooLargeError) tooLarge = true;
          else failed = true;
        }
      }
      // Append by path: only the new thumbnails travel through setData.
      const start = this.data.photos.length;
      const patch: Record<string, unknown> = { adding: false };
      added.forEach((p, i) => {
        patch[`photos[${start + i}]`] = p;
      });
      this.setData(patch);
      if (added.length > 0) this.changed();
      if (chosen.length > room) wx.showToast({ title: zh.report.photoLimit, icon: 'none' });
      else if (tooLarge) wx.showToast({ title: zh.report.photoTooLarge, icon: 'none' });
      else if (failed) wx.showToast({ title: zh.report.photoFailed, icon: 'none' });
    },

    onRemove(e: TapEvent<{ index?: number }>): void {
      const index = Number(e.currentTarget.dataset.index);
      this.setData({ photos: this.data.photos.filter((_, i) => i !== index) });
      this.changed();
    },

    onPreview(e: TapEvent<{ index?: number }>): void {
      const urls = this.data.photos.map((p) => p.path);
      const current = urls[Number(e.currentTarget.dataset.index)] ?? urls[0];
      if (current) wx.previewImage({ urls, current });
    },
  },
});
