// The shapes routing speaks in (DOMAIN.md, Places): positions are [longitude, latitude] in GCJ-02,
// the system wx.getLocation / wx.chooseLocation return, and every grid is held as a MultiPolygon
// so that Polygon and MultiPolygon imports need no second code path.

/** [longitude, latitude], GeoJSON order. */
export type Position = readonly [lng: number, lat: number];
/** Closed: the last position repeats the first. */
export type LinearRing = readonly Position[];
/** First ring is the outer boundary, the rest are holes. */
export type PolygonCoordinates = readonly LinearRing[];
export type MultiPolygonCoordinates = readonly PolygonCoordinates[];
/** A plain tuple, as the API's GridSummary carries it. */
export type BBox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

/** The way wx.getLocation and the report form carry a point. */
export interface GeoPoint {
  readonly latitude: number;
  readonly longitude: number;
}

export type Crs = 'wgs84' | 'gcj02';

/** One imported grid, already in GCJ-02. */
export interface GridShape {
  readonly code: string;
  readonly name: string;
  readonly community: string | null;
  readonly street: string | null;
  readonly district: string | null;
  readonly households: number | null;
  readonly polygons: MultiPolygonCoordinates;
  readonly bbox: BBox;
}
