/**
 * A batch's series into their histograms and moments in one pass per quantity: the `n` values
 * `xs[at]`, `xs[at + stride]`, … of quantity `h` are binned ({@link HistogramSet}, weight 1) and
 * summed ({@link MomentSet}, in that order, in the run's blocks), with the same bits as `n` calls
 * of each set's `add` (and `endBlock` after each draw that {@link endsBlock}).
 * One pass instead of one per set: the batch was written by a worker on another core, and each of
 * its values is read once (a quantity's values lie one row apart, each on another page).
 *
 * @module
 */
import { BINS, QUEUE, type HistogramSet } from './histogram.js';
import { BLOCK, type MomentSet } from './moments.js';

/**
 * Adds the `n` strided values, of draws `first … first + n − 1` of a run of `draws`, to histogram
 * `h` of `hist` and quantity `h` of `moments`.
 *
 * @example
 * addColumn(hist, moments, 0, batch, 0, S, count, start, N); // quantity 0 of every draw of a batch
 */
export function addColumn(hist: HistogramSet, moments: MomentSet, h: number, xs: Float64Array, at: number, stride: number, n: number, first: number, draws: number): void {
  const queued = hist.queued!;
  const base = h * QUEUE;
  let fill = hist.pending[h];
  const lo = hist.lo[h];
  const width = hist.width[h];
  const k = moments.shift[h];
  let min = hist.min[h];
  let max = hist.max[h];
  let under = 0;
  let over = 0;
  const q = moments.n;
  const open = moments.open;
  let c = open[h];
  let w2 = open[q + h];
  let s1 = open[2 * q + h];
  let s2 = open[3 * q + h];
  // the next draw index that ends a block
  let next = Math.min(draws - 1, first - (first % BLOCK) + BLOCK - 1);
  for (let i = 0, j = at; i < n; i++, j += stride) {
    const x = xs[j];
    if (x < min) min = x;
    if (x > max) max = x;
    const b = Math.floor((x - lo) / width);
    if (b < 0) under++;
    else if (b >= BINS) over++;
    else {
      if (fill === QUEUE) {
        hist.pending[h] = fill;
        hist.flushOne(h);
        fill = 0;
      }
      queued[base + fill++] = b;
    }
    const d = x - k;
    c += 1;
    w2 += 1;
    s1 += d;
    s2 += d * d;
    if (first + i === next) {
      moments.count[h] += c;
      moments.sumW2[h] += w2;
      moments.s1[h] += s1;
      moments.s2[h] += s2;
      c = w2 = s1 = s2 = 0;
      next = Math.min(draws - 1, next + BLOCK);
    }
  }
  hist.pending[h] = fill;
  hist.min[h] = min;
  hist.max[h] = max;
  hist.under[h] += under;
  hist.over[h] += over;
  hist.total[h] += n;
  open[h] = c;
  open[q + h] = w2;
  open[2 * q + h] = s1;
  open[3 * q + h] = s2;
}
