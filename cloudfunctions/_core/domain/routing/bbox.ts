// A grid's bounding box is what the spatial index holds and what a store can query on; it is
// always derived from the coordinates, never trusted from the input, so the two cannot disagree.
import type { BBox, MultiPolygonCoordinates } from './types';

/** Null when there is no position at all. */
export function boundingBox(polygons: MultiPolygonCoordinates): BBox | null {
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (const [lng, lat] of ring) {
        if (lng < minLng) minLng = lng;
        if (lng > maxLng) maxLng = lng;
        if (lat < minLat) minLat = lat;
        if (lat > maxLat) maxLat = lat;
      }
    }
  }
  return minLng <= maxLng && minLat <= maxLat ? [minLng, minLat, maxLng, maxLat] : null;
}
