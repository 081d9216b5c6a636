// Where the problem is: the reported point on a <map> with the grid's outline around it, the
// address under it, and 导航 to get there (wx.openLocation, the phone's own map app).
import { zh } from '../../../i18n/zh';

Component({
  properties: {
    /** TicketMap (utils/staff-ticket): centre, marker, the grid's polygons, the points to fit. */
    map: { type: Object, value: {} },
    address: { type: String, value: '' },
    grid: { type: String, value: '' },
  },
  data: {
    t: zh.staff.ticket,
  },
  methods: {
    onNavigate(): void {
      const map = this.data.map as { latitude?: number; longitude?: number };
      if (typeof map.latitude !== 'number' || typeof map.longitude !== 'number') return;
      wx.openLocation({ latitude: map.latitude, longitude: map.longitude, address: this.data.address, scale: 17, fail: () => undefined });
    },
  },
});
