// Distances for the 200 m rule: haversine between points, and metres to a grid's boundary.
import {
  EARTH_RADIUS_METERS,
  METERS_PER_DEGREE,
  distanceToBoundaryMeters,
  haversineMeters,
} from '../../../../cloudfunctions/_core/domain/routing';
import { at, offset, rect } from './shapes';

const zibo = at(118.05, 36.81);

describe('haversineMeters', () => {
  it.each([
    ['same point', zibo, zibo, 0],
    ['one degree of latitude', at(118, 36), at(118, 37), (Math.PI / 180) * EARTH_RADIUS_METERS],
    ['a quarter meridian', at(0, 0), at(0, 90), (Math.PI / 2) * EARTH_RADIUS_METERS],
    ['along the equator', at(0, 0), at(1, 0), METERS_PER_DEGREE],
  ])('%s', (_name, a, b, expected) => {
    expect(haversineMeters(a, b)).toBeCloseTo(expected, 6);
    expect(haversineMeters(b, a)).toBeCloseTo(expected, 6);
  });

  it('agrees with the local offsets routing uses, to centimetres at 200 m', () => {
    for (const [east, north] of [
      [200, 0],
      [0, 200],
      [141.42, 141.42],
      [-120, 160],
    ] as const) {
      expect(haversineMeters(zibo, offset(zibo, east, north))).toBeCloseTo(Math.hypot(east, north), 1);
    }
  });
});

describe('distanceToBoundaryMeters', () => {
  // A 1 km square with a 200 m hole in the middle, around Zibo.
  const sw = offset(zibo, -500, -500);
  const ne = offset(zibo, 500, 500);
  const hs = offset(zibo, -100, -100);
  const hn = offset(zibo, 100, 100);
  const shape = [[rect(sw.longitude, sw.latitude, ne.longitude, ne.latitude), rect(hs.longitude, hs.latitude, hn.longitude, hn.latitude)]];

  it.each([
    ['150 m east of the east edge', offset(zibo, 650, 0), 150],
    ['south-west of the corner', offset(zibo, -530, -540), 50],
    ['50 m inside the west edge', offset(zibo, -450, 0), 50],
    ['on the north edge', offset(zibo, 0, 500), 0],
    ['in the hole, 30 m from its edge', offset(zibo, 70, 0), 30],
    ['at the centre of the hole', zibo, 100],
  ])('%s', (_name, point, expected) => {
    expect(distanceToBoundaryMeters(point, shape)).toBeCloseTo(expected, 1);
  });

  it('is Infinity for a shape without edges', () => {
    expect(distanceToBoundaryMeters(zibo, [])).toBe(Infinity);
  });
});
