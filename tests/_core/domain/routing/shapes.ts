// Small geometry builders for the routing tests: rectangles and rings in degrees, and offsets in
// metres around a point, so each table row reads as a picture rather than a list of numbers.
import {
  METERS_PER_DEGREE,
  boundingBox,
  metersPerDegreeLongitude,
  type BBox,
  type GeoPoint,
  type GridShape,
  type LinearRing,
  type MultiPolygonCoordinates,
  type Position,
} from '../../../../cloudfunctions/_core/domain/routing';

/** Counter-clockwise closed rectangle. */
export function rect(minLng: number, minLat: number, maxLng: number, maxLat: number): LinearRing {
  return [
    [minLng, minLat],
    [maxLng, minLat],
    [maxLng, maxLat],
    [minLng, maxLat],
    [minLng, minLat],
  ];
}

export function ring(...positions: Position[]): LinearRing {
  const first = positions[0];
  return first === undefined ? [] : [...positions, first];
}

export function grid(code: string, polygons: MultiPolygonCoordinates): GridShape {
  return {
    code,
    name: code,
    community: null,
    street: null,
    district: null,
    households: null,
    polygons,
    bbox: boundingBox(polygons) as BBox,
  };
}

export const at = (longitude: number, latitude: number): GeoPoint => ({ longitude, latitude });

/** The point `east` and `north` metres away (local projection, as routing measures). */
export function offset(point: GeoPoint, east: number, north: number): GeoPoint {
  return {
    longitude: point.longitude + east / metersPerDegreeLongitude(point.latitude),
    latitude: point.latitude + north / METERS_PER_DEGREE,
  };
}
