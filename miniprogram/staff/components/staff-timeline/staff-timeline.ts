// The timeline on the handling page, newest first: who did what by role and display name, when,
// the note, and photos to enlarge.
Component({
  properties: {
    /** StaffTimelineRow[] (utils/staff-ticket). */
    rows: { type: Array, value: [] },
  },
  methods: {
    onPreview(e: WechatMiniprogram.BaseEvent<WechatMiniprogram.IAnyObject, { row?: number; index?: number }>): void {
      const rows = this.data.rows as Array<{ photoUrls: string[] }>;
      const urls = rows[Number(e.currentTarget.dataset.row)]?.photoUrls ?? [];
      const current = urls[Number(e.currentTarget.dataset.index)] ?? urls[0];
      if (current) wx.previewImage({ urls, current });
    },
  },
});
