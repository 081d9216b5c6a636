// Routing promises "never to none, never to two" on shared borders, so the side-of-edge test must
// be exact: two grids that share an edge must agree on which side a point lies. A floating-point
// filter answers almost every call; the rare near-zero case is settled exactly with BigInt.

// Bound on the rounding error of the filtered determinant: (3 + 16ε)ε with ε = 2^-53 (Shewchuk, 1997).
const EPSILON = 2 ** -53;
const ERROR_BOUND = (3 + 16 * EPSILON) * EPSILON;

/**
 * Sign of the turn a → b → p: positive when p lies to the left of the directed line a→b,
 * negative to the right, exactly 0 when the three points are collinear. Only the sign is
 * meaningful. Inputs must be finite.
 */
export function orientation(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  const left = (bx - ax) * (py - ay);
  const right = (by - ay) * (px - ax);
  const det = left - right;
  const bound = ERROR_BOUND * (Math.abs(left) + Math.abs(right));
  if (det > bound || -det > bound) return det;
  return exactOrientation(ax, ay, bx, by, px, py);
}

interface Dyadic {
  mantissa: bigint;
  exponent: number;
}

const scratch = new DataView(new ArrayBuffer(8));

/** x = mantissa · 2^exponent, exactly (finite x only). */
function toDyadic(x: number): Dyadic {
  scratch.setFloat64(0, x);
  const high = scratch.getUint32(0);
  const low = scratch.getUint32(4);
  const biased = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  let exponent = -1074;
  if (biased !== 0) {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  return { mantissa: high >>> 31 === 1 ? -mantissa : mantissa, exponent };
}

function exactOrientation(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  const [a0, a1, b0, b1, p0, p1] = [toDyadic(ax), toDyadic(ay), toDyadic(bx), toDyadic(by), toDyadic(px), toDyadic(py)];
  // Scaling every value by the same power of two keeps the sign and makes them all integers.
  let lowest = Infinity;
  for (const v of [a0, a1, b0, b1, p0, p1]) if (v.mantissa !== 0n && v.exponent < lowest) lowest = v.exponent;
  if (lowest === Infinity) return 0;
  const int = (v: Dyadic): bigint => v.mantissa << BigInt(v.exponent - lowest);
  const [iax, iay, ibx, iby, ipx, ipy] = [int(a0), int(a1), int(b0), int(b1), int(p0), int(p1)];
  const det = (ibx - iax) * (ipy - iay) - (iby - iay) * (ipx - iax);
  return det > 0n ? 1 : det < 0n ? -1 : 0;
}
