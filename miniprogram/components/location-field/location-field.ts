// Where the problem is: the phone's position (GCJ-02) shown on a small map to confirm, or a place
// picked on WeChat's map (with its address). The form calls start(place from the draft, or null)
// and hears `change` with { location, picked } each time the point changes.
import { zh } from '../../i18n/zh';
import { currentLocation, LocationError, pickLocation } from '../../services/location';

export type LocationState = 'idle' | 'locating' | 'located' | 'picked' | 'failed' | 'denied';

interface MapMarker {
  id: number;
  latitude: number;
  longitude: number;
  width: number;
  height: number;
}

function wordsFor(state: LocationState, location: Api.Location | null): { text: string; hint: string } {
  if (state === 'locating' || state === 'idle') return { text: zh.report.locating, hint: '' };
  if (state === 'failed') return { text: zh.report.locationFailed, hint: '' };
  if (state === 'denied') return { text: zh.report.locationDenied, hint: '' };
  if (state === 'picked' && location?.address) return { text: location.address, hint: '' };
  return { text: zh.report.locatedHere, hint: zh.report.locatedHint };
}

Component({
  properties: {
    /** The form's error for this field ('' when fine): a red frame and the words under it. */
    error: { type: String, value: '' },
  },
  data: {
    t: zh.report,
    state: 'idle' as LocationState,
    location: null as Api.Location | null,
    text: zh.report.locating,
    hint: '',
    markers: [] as MapMarker[],
  },
  methods: {
    /** Begins with the place kept in the draft, or asks the phone where it is. */
    start(initial: Api.Location | null): void {
      if (initial) this.show('picked', initial);
      else void this.locate();
    },

    show(state: LocationState, location: Api.Location | null): void {
      const { text, hint } = wordsFor(state, location);
      const markers: MapMarker[] = location
        ? [{ id: 1, latitude: location.latitude, longitude: location.longitude, width: 32, height: 40 }]
        : [];
      this.setData({ state, location, text, hint, markers });
      if (state !== 'locating') this.triggerEvent('change', { location, picked: state === 'picked' });
    },

    async locate(): Promise<void> {
      this.show('locating', null);
      try {
        this.show('located', await currentLocation());
      } catch (e) {
        this.show(e instanceof LocationError && e.reason === 'denied' ? 'denied' : 'failed', null);
      }
    },

    async onChoose(): Promise<void> {
      try {
        this.show('picked', await pickLocation(this.data.location));
      } catch (e) {
        // Cancelling the map keeps whatever was there before.
        if (e instanceof LocationError && e.reason === 'denied' && !this.data.location) this.show('denied', null);
      }
    },

    onOpenSetting(): void {
      wx.openSetting({
        success: (res) => {
          if (res.authSetting['scope.userLocation']) void this.locate();
        },
      });
    },
  },
});
