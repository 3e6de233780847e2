/**
 * The log-odds transform of a share and its inverse, written so that neither tail loses
 * precision: the urban share u = logistic(L) and the rural share 1 − u = logistic(−L) are each
 * computed directly rather than by subtraction.
 *
 * @module
 */

/**
 * logit(u) = ln(u / (1 − u)), for 0 < u < 1.
 *
 * @example
 * logit(0.5); // 0
 */
export function logit(u: number): number {
  return Math.log(u) - Math.log1p(-u);
}

/**
 * logistic(L) = 1 / (1 + e^(−L)): the share whose logit is L. Never NaN for finite L; 0 or 1
 * only when L is beyond about ±745.
 *
 * @example
 * logistic(0); // 0.5
 * logistic(-L) === 1 - logistic(L); // to rounding, but accurate in both tails
 */
export function logistic(L: number): number {
  return 1 / (1 + Math.exp(-L));
}
