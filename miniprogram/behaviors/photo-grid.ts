// A grid of photos taken on the spot (the report form's, the workbench's): added from the camera
// or album up to `max`, each shrunk to the upload limit (services/photos), enlarged on a tap,
// removed; `change` carries the local paths. A component using it adds what it chose in its own
// onAdd — how the photos join the grid and what it says about those that could not.
import { choosePhotos, isCancel, MAX_PHOTOS, PhotoTooLargeError, shrinkPhoto, type LocalPhoto } from '../services/photos';
import type { TapEvent } from '../utils/events';
import { instanceState } from '../utils/instance-state';

export interface PhotoItem {
  key: string;
  path: string;
}

export type PhotoProblem = 'tooLarge' | 'failed';

/** What came of one choice: the photos that fit, in order; what went wrong with the others, in order. */
export interface Chosen {
  added: PhotoItem[];
  problems: PhotoProblem[];
  /** More were chosen than there was room for (those were left out). */
  overLimit: boolean;
}

const keys = instanceState(() => ({ seq: 0 }));

export const photoGrid = Behavior({
  properties: {
    max: { type: Number, value: MAX_PHOTOS },
  },

  data: {
    photos: [] as PhotoItem[],
    adding: false,
  },

  methods: {
    changed(): void {
      this.triggerEvent('change', { paths: this.data.photos.map((p) => p.path) });
    },

    /**
     * Camera or album for the room left, each photo shrunk; leaves `adding` on for the caller's
     * setData to end. null when there is nothing to add: the grid is full (says `words.limit`), an
     * add is under way, or the picker was closed (or failed: says `words.failed`).
     */
    async choose(words: { limit: string; failed: string }): Promise<Chosen | null> {
      const room = this.data.max - this.data.photos.length;
      if (room <= 0) {
        wx.showToast({ title: words.limit, icon: 'none' });
        return null;
      }
      if (this.data.adding) return null;
      let chosen: LocalPhoto[];
      try {
        chosen = await choosePhotos(room);
      } catch (err) {
        if (!isCancel(err)) wx.showToast({ title: words.failed, icon: 'none' });
        return null;
      }
      this.setData({ adding: true });
      const s = keys.of(this);
      const added: PhotoItem[] = [];
      const problems: PhotoProblem[] = [];
      for (const photo of chosen.slice(0, room)) {
        try {
          const small = await shrinkPhoto(photo);
          s.seq += 1;
          added.push({ key: `p${s.seq}`, path: small.path });
        } catch (err) {
          problems.push(err instanceof PhotoTooLargeError ? 'tooLarge' : 'failed');
        }
      }
      return { added, problems, overLimit: chosen.length > room };
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
