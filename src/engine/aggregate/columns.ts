/**
 * A batch's series into their histograms and moments in one pass per quantity: the `n` values
 * `xs[at]`, `xs[at + stride]`, … of quantity `h` are binned ({@link HistogramSet}, weight 1) and
 * summed ({@link MomentSet}, in that order), with the same bits as `n` calls of each set's `add`.
 * One pass instead of one per set: the batch was written by a worker on another core, and each of
 * its values is read once (a quantity's values lie one row apart, each on another page).
 *
 * @module
 */
import { BINS, type HistogramSet } from './histogram.js';
import type { MomentSet } from './moments.js';

/**
 * Adds the `n` strided values to histogram `h` of `hist` and quantity `h` of `moments`.
 *
 * @example
 * addColumn(hist, moments, 0, batch, 0, S, count); // quantity 0 of every draw of a batch
 */
export function addColumn(hist: HistogramSet, moments: MomentSet, h: number, xs: Float64Array, at: number, stride: number, n: number): void {
  const counts = hist.counts;
  const base = h * BINS;
  const lo = hist.lo[h];
  const width = hist.width[h];
  const k = moments.shift[h];
  let min = hist.min[h];
  let max = hist.max[h];
  let under = 0;
  let over = 0;
  let c = moments.count[h];
  let w2 = moments.sumW2[h];
  let s1 = moments.s1[h];
  let s2 = moments.s2[h];
  for (let i = 0, j = at; i < n; i++, j += stride) {
    const x = xs[j];
    if (x < min) min = x;
    if (x > max) max = x;
    const b = Math.floor((x - lo) / width);
    if (b < 0) under++;
    else if (b >= BINS) over++;
    else counts[base + b]++;
    const d = x - k;
    c += 1;
    w2 += 1;
    s1 += d;
    s2 += d * d;
  }
  hist.min[h] = min;
  hist.max[h] = max;
  hist.under[h] += under;
  hist.over[h] += over;
  hist.total[h] += n;
  moments.count[h] = c;
  moments.sumW2[h] = w2;
  moments.s1[h] = s1;
  moments.s2[h] = s2;
}
