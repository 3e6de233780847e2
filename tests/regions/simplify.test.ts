import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outerRings, ringArea, simplifyLine, simplifyRing, type Point } from '../../src/regions/simplify.js';

const dist = (p: Point, a: Point, b: Point) => {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
};

describe('Douglas–Peucker', () => {
  it('drops points within the tolerance of a straight line and keeps a corner', () => {
    expect(simplifyLine([[0, 0], [1, 0.01], [2, 0]], 0.1)).toEqual([[0, 0], [2, 0]]);
    expect(simplifyLine([[0, 0], [1, 1], [2, 0]], 0.1)).toEqual([[0, 0], [1, 1], [2, 0]]);
  });

  it('keeps the ends, keeps order, and every dropped point lies within the tolerance of the kept segment spanning it', () => {
    const pt = fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true })) as fc.Arbitrary<Point>;
    fc.assert(
      fc.property(fc.array(pt, { minLength: 2, maxLength: 60 }), fc.double({ min: 0.001, max: 2, noNaN: true }), (pts, tol) => {
        const kept = simplifyLine(pts, tol);
        expect(kept[0]).toBe(pts[0]);
        expect(kept.at(-1)).toBe(pts.at(-1));
        const idx = kept.map((p) => pts.indexOf(p));
        for (let k = 1; k < idx.length; k++) {
          expect(idx[k]).toBeGreaterThan(idx[k - 1]);
          for (let j = idx[k - 1] + 1; j < idx[k]; j++) expect(dist(pts[j], pts[idx[k - 1]], pts[idx[k]])).toBeLessThanOrEqual(tol + 1e-12);
        }
      }),
    );
  });

  it('reads the outer rings of WKT polygons and multipolygons, and keeps a simplified ring close in area', () => {
    expect(outerRings('POLYGON((0 0,1 0,1 1,0 0),(0.2 0.1,0.3 0.1,0.3 0.2,0.2 0.1))')).toEqual([[[0, 0], [1, 0], [1, 1], [0, 0]]]);
    expect(outerRings('MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)))')).toHaveLength(2);
    const circle: Point[] = Array.from({ length: 400 }, (_, k) => [Math.cos((2 * Math.PI * k) / 400), Math.sin((2 * Math.PI * k) / 400)]);
    const s = simplifyRing(circle, 0.01);
    expect(s.length).toBeLessThan(40);
    expect(Math.abs(ringArea(s) / ringArea(circle) - 1)).toBeLessThan(0.03);
  });
});
