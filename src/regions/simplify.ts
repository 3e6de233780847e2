/**
 * Douglas–Peucker simplification of a polygon ring (Douglas & Peucker 1973, "Algorithms for the
 * reduction of the number of points required to represent a digitized line or its caricature",
 * The Canadian Cartographer 10(2)): keeps the end points and, recursively, the point farthest from
 * the chord when it is farther than `tolerance`. Used to derive the small boundary table the map of
 * regions draws (seeds/data/shandong_boundaries.csv).
 *
 * @module
 */

/** A point [x, y] (here longitude, latitude in degrees). */
export type Point = [number, number];

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/**
 * The simplified line: a subsequence of `points`, first and last kept, every dropped point within
 * `tolerance` of the kept line.
 *
 * @example
 * simplifyLine([[0, 0], [1, 0.01], [2, 0]], 0.1); // [[0, 0], [2, 0]]
 */
export function simplifyLine(points: Point[], tolerance: number): Point[] {
  if (points.length <= 2) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [i, j] = stack.pop()!;
    let far = -1;
    let dmax = tolerance;
    for (let k = i + 1; k < j; k++) {
      const d = distanceToSegment(points[k], points[i], points[j]);
      if (d > dmax) {
        dmax = d;
        far = k;
      }
    }
    if (far >= 0) {
      keep[far] = 1;
      stack.push([i, far], [far, j]);
    }
  }
  return points.filter((_, k) => keep[k] === 1);
}

/**
 * A closed ring simplified: split at the point farthest from the first so that both halves keep
 * their ends, each simplified; at least a triangle is kept.
 *
 * @example
 * simplifyRing(ring, 0.01).length; // far fewer points
 */
export function simplifyRing(ring: Point[], tolerance: number): Point[] {
  const open = ring.length > 1 && ring[0][0] === ring.at(-1)![0] && ring[0][1] === ring.at(-1)![1] ? ring.slice(0, -1) : ring.slice();
  if (open.length <= 3) return open;
  let far = 1;
  for (let k = 1; k < open.length; k++) if (Math.hypot(open[k][0] - open[0][0], open[k][1] - open[0][1]) > Math.hypot(open[far][0] - open[0][0], open[far][1] - open[0][1])) far = k;
  const a = simplifyLine(open.slice(0, far + 1), tolerance);
  const b = simplifyLine([...open.slice(far), open[0]], tolerance);
  return [...a, ...b.slice(1, -1)];
}

/**
 * Parses a WKT `POLYGON` or `MULTIPOLYGON` into its outer rings (holes dropped: the map fills
 * whole units).
 *
 * @example
 * outerRings('POLYGON((0 0,1 0,1 1,0 0))'); // [[[0, 0], [1, 0], [1, 1], [0, 0]]]
 */
export function outerRings(wkt: string): Point[][] {
  const body = wkt.trim().replace(/^MULTIPOLYGON\s*\(|^POLYGON\s*/i, '');
  const polygons = /^MULTI/i.test(wkt.trim()) ? body.slice(0, -1).split(/\)\s*\)\s*,\s*\(\s*\(/) : [body];
  return polygons.map((poly) => {
    const first = poly.replace(/^[\s(]+/, '').split(')')[0];
    return first.split(',').map((pair) => pair.trim().split(/\s+/).map(Number) as Point);
  });
}

/** Twice the signed area of a ring (shoelace). */
export function ringArea(ring: Point[]): number {
  let s = 0;
  for (let k = 0; k < ring.length; k++) {
    const [x1, y1] = ring[k];
    const [x2, y2] = ring[(k + 1) % ring.length];
    s += x1 * y2 - x2 * y1;
  }
  return Math.abs(s) / 2;
}
