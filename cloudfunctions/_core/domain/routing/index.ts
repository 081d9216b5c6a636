// Routing's public face: import grids (GeoJSON → GCJ-02 GridShape), index them once per function
// instance, and route a report's point to exactly one grid or to triage (DOMAIN.md, Routing).
export type { BBox, Crs, GeoPoint, GridShape, LinearRing, MultiPolygonCoordinates, PolygonCoordinates, Position } from './types';
export { boundingBox } from './bbox';
export { CHINA_BOUNDS, GRID_CODE_PATTERN, GRID_TEXT_MAX_LENGTH, MAX_IMPORT_ISSUES, crsSchema, parseGridImport } from './geojson';
export type { GridImportResult, ImportIssue } from './geojson';
export { locateInPolygon, locateInRing, locatePoint, pointInMultiPolygon, pointInPolygon } from './point-in-polygon';
export type { PointLocation } from './point-in-polygon';
export {
  EARTH_RADIUS_METERS,
  METERS_PER_DEGREE,
  distanceToBoundaryMeters,
  haversineMeters,
  metersPerDegreeLongitude,
  segmentDistanceSquared,
} from './distance';
export {
  NEAREST_GRID_MAX_METERS,
  TRIAGE_HINT_MAX_METERS,
  arrayStringTable,
  buildGridIndex,
  compareGridCodes,
  containingGrid,
  locate,
  nearestGrid,
  packGrids,
  route,
} from './grid-index';
export type { Buckets, GridIndex, Located, RoutableGrid, RouteResult, StringTable } from './grid-index';
export { loadGridSnapshot, packGridSnapshot } from './snapshot';
export type { GridPlace, GridSnapshot } from './snapshot';
export { orientation } from './orientation';
