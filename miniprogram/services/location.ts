// Location in GCJ-02, the system the grids are stored in. The point comes from the phone; the
// street address, when the resident picks a place on the map, comes from wx.chooseLocation
// (reverse geocoding stays on the server: a client map key would leak).
import { errMsgOf } from '../utils/guards';

export type LocationFailure = 'denied' | 'failed' | 'cancelled';

export class LocationError extends Error {
  readonly reason: LocationFailure;
  constructor(reason: LocationFailure) {
    super(`location ${reason}`);
    this.name = 'LocationError';
    this.reason = reason;
  }
}

function reasonOf(err: unknown): LocationFailure {
  const msg = errMsgOf(err);
  if (msg.includes('cancel')) return 'cancelled';
  if (msg.includes('auth') || msg.includes('privacy') || msg.includes('permission')) return 'denied';
  return 'failed';
}

export function currentLocation(): Promise<Api.Location> {
  return new Promise((resolve, reject) => {
    wx.getLocation({
      type: 'gcj02',
      success: (res) => resolve({ latitude: res.latitude, longitude: res.longitude }),
      fail: (err) => reject(new LocationError(reasonOf(err))),
    });
  });
}

export function pickLocation(near?: Api.Location | null): Promise<Api.Location> {
  return new Promise((resolve, reject) => {
    wx.chooseLocation({
      ...(near ? { latitude: near.latitude, longitude: near.longitude } : {}),
      success: (res) => {
        const address = [res.address, res.name].filter((s) => !!s && s.trim()).join(' ');
        resolve({ latitude: res.latitude, longitude: res.longitude, ...(address ? { address } : {}) });
      },
      fail: (err) => reject(new LocationError(reasonOf(err))),
    });
  });
}
