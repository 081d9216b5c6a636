// Photos taken on the spot (办结 photos, a 代报's photos): add from the camera or album (shrunk to
// the upload limit), enlarge, remove; at most `max`. The page uploads them when it sends.
import { zh } from '../../../i18n/zh';
import { choosePhotos, isCancel, PhotoTooLargeError, shrinkPhoto } from '../../../services/photos';
import type { TapEvent } from '../../../utils/events';
import { instanceState } from '../../../utils/instance-state';

interface PhotoItem {
  key: string;
  path: string;
}

const state = instanceState(() => ({ seq: 0 }));

Component({
  properties: {
    max: { type: Number, value: 6 },
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

    clear(): void {
      this.setData({ photos: [] });
      this.changed();
    },

    async onAdd(): Promise<void> {
      const room = this.data.max - this.data.photos.length;
      if (room <= 0) {
        wx.showToast({ title: zh.staff.photos.limit, icon: 'none' });
        return;
      }
      if (this.data.adding) return;
      let chosen;
      try {
        chosen = await choosePhotos(room);
      } catch (err) {
        if (!isCancel(err)) wx.showToast({ title: zh.staff.photos.failed, icon: 'none' });
        return;
      }
      this.setData({ adding: true });
      const s = state.of(this);
      const added: PhotoItem[] = [];
      let problem = '';
      for (const photo of chosen.slice(0, room)) {
        try {
          const small = await shrinkPhoto(photo);
          s.seq += 1;
          added.push({ key: `p${s.seq}`, path: small.path });
        } catch (err) {
          problem = err instanceof PhotoTooLargeError ? zh.staff.photos.tooLarge : zh.staff.photos.failed;
        }
      }
      this.setData({ adding: false, photos: [...this.data.photos, ...added] });
      this.changed();
      if (chosen.length > room) wx.showToast({ title: zh.staff.photos.limit, icon: 'none' });
      else if (problem) wx.showToast({ title: problem, icon: 'none' });
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
