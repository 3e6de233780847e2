/**
 * Cutting a batch of draws in two (a stored source's chunk at the range asked for, the run's pilot
 * at its last draw).
 *
 * @module
 */
import type { BatchResult } from './kernel.js';

/**
 * The first `c` draws of a full batch, and the rest: views of the same buffer (release it once,
 * after both). A digest is not split: the parts carry none.
 *
 * @example
 * const [head, tail] = splitBatch(b, 56); // draws b.start … b.start + 55, and the others
 */
export function splitBatch(b: BatchResult, c: number): [BatchResult, BatchResult] {
  const S = b.series!.length / b.count;
  const T = b.values.length / b.count;
  const J = b.uniforms!.length / b.count;
  const part = (lo: number, hi: number): BatchResult => ({
    ...b,
    digest: null,
    start: b.start + lo,
    count: hi - lo,
    series: b.series!.subarray(lo * S, hi * S),
    values: b.values.subarray(lo * T, hi * T),
    uniforms: b.uniforms!.subarray(lo * J, hi * J),
    inputs: b.inputs === null ? null : b.inputs.subarray(lo * J, hi * J),
    refParts: b.refParts === null ? null : b.refParts.subarray(lo * T, hi * T),
    logWeights: b.logWeights === null ? null : b.logWeights.subarray(lo, hi),
  });
  return [part(0, c), part(c, b.count)];
}
