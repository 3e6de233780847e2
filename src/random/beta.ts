/**
 * The regularised incomplete beta function I_x(a, b) (Lentz's continued fraction, as in
 * Press et al., Numerical Recipes, §6.4) and its inverse by safeguarded Newton steps.
 *
 * @module
 */

/** Lanczos coefficients (g = 7, n = 9), allocated once. */
const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9), relative error ~1e-15.
  const c = LANCZOS;
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

function betacf(a: number, b: number, x: number): number {
  const TINY = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/**
 * Regularised incomplete beta I_x(a, b), the CDF of Beta(a, b) at x.
 *
 * @example
 * betaCdf(0.5, 2, 2); // 0.5
 */
export function betaCdf(x: number, a: number, b: number): number {
  return betaCdfNorm(x, a, b, logGamma(a + b) - logGamma(a) - logGamma(b));
}

/** I_x(a, b) given lnorm = lnΓ(a+b) − lnΓ(a) − lnΓ(b) (the same bits as computing it inline). */
function betaCdfNorm(x: number, a: number, b: number, lnorm: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return betaCdfLogs(x, a, b, lnorm, Math.log(x), Math.log1p(-x));
}

/** I_x(a, b) for x in (0, 1) given lnorm, lx = ln x and l1x = ln(1 − x) (`Math.log1p(-x)`). */
function betaCdfLogs(x: number, a: number, b: number, lnorm: number, lx: number, l1x: number): number {
  const lbt = lnorm + a * lx + b * l1x;
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lbt) * betacf(a, b, x)) / a;
  return 1 - (Math.exp(lbt) * betacf(b, a, 1 - x)) / b;
}

/**
 * A first guess at the Beta(a, b) quantile (Press et al., Numerical Recipes 3rd ed., §6.14.1,
 * `invbetai`): for a, b ≥ 1 a normal approximation (Abramowitz & Stegun 26.5.22), else the
 * power-law behaviour of the two tails.
 */
function betaGuess(p: number, a: number, b: number): number {
  if (a >= 1 && b >= 1) {
    const pp = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * Math.log(pp));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) z = -z;
    const al = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = (z * Math.sqrt(al + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    return a / (a + b * Math.exp(2 * w));
  }
  const lna = Math.log(a / (a + b));
  const lnb = Math.log(b / (a + b));
  const t = Math.exp(a * lna) / a;
  const u = Math.exp(b * lnb) / b;
  const w = t + u;
  return p < t / w ? Math.pow(a * w * p, 1 / a) : 1 - Math.pow(b * w * (1 - p), 1 / b);
}

/** C(n, j)·x^j·(1−x)^(n−j) for integers 0 ≤ j ≤ n, by repeated products. */
function binomialTerm(x: number, j: number, n: number): number {
  const y = 1 - x;
  let t = 1;
  for (let i = 0; i < j; i++) t *= (x * (n - i)) / (i + 1);
  for (let i = j; i < n; i++) t *= y;
  return t;
}

/**
 * I_x(a, b) for integer a, b ≥ 1 (a + b ≤ {@link BETA_INT_MAX}): the binomial tail
 * P(Binomial(a+b−1, x) ≥ a), summed from the side of the smaller probability (all terms
 * positive). The PERT of a mode midway between min and max is Beta(3, 3).
 *
 * @example
 * betaCdfInt(0.5, 3, 3); // 0.5
 */
export function betaCdfInt(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const n = a + b - 1;
  const r = x / (1 - x);
  const upper = x >= a / (a + b);
  // upper: the terms j = 0 … a−1 (1 − their sum); else j = a … n
  let j = upper ? 0 : a;
  const end = upper ? a - 1 : n;
  let t = binomialTerm(x, j, n);
  let sum = t;
  for (; j < end; j++) {
    t *= (r * (n - j)) / (j + 1);
    sum += t;
  }
  return upper ? 1 - sum : sum;
}

/** Largest a + b for which {@link betaCdfInt} is used (a sum of at most this many terms). */
export const BETA_INT_MAX = 40;

/**
 * lnΓ(a+b) − lnΓ(a) − lnΓ(b), the log of 1/B(a, b): compute it once per shape and pass it to
 * {@link betaRefine} and {@link betaDensity}.
 *
 * @example
 * betaLogNorm(2, 2); // ln 6
 */
export function betaLogNorm(a: number, b: number): number {
  return logGamma(a + b) - logGamma(a) - logGamma(b);
}

/**
 * The Beta(a, b) density at x in (0, 1), given `lnorm` = {@link betaLogNorm}(a, b).
 *
 * @example
 * betaDensity(0.5, 2, 2, betaLogNorm(2, 2)); // 1.5
 */
export function betaDensity(x: number, a: number, b: number, lnorm: number): number {
  return Math.exp(lnorm + (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x));
}

/**
 * Refines a start `x` in (0, 1) to the Beta(a, b) quantile of p in (0, 1) by Halley steps inside a
 * bracket kept from the signs of I_x − p (a step leaving it bisects instead, so it always
 * converges). `scaledTol` > 0: stop after a Halley step δ with |δ|·k < scaledTol, where
 * k = 1 + |(a−1)/x| + |(b−1)/(1−x)| bounds the log-density's slope: Halley's error after the step
 * is about k²·|δ|³ (cubic convergence), below 1e-18 for scaledTol = 1e-6. `scaledTol` = 0: the
 * reference rule (stop when a step or the bracket is below 1e-15). `integer`: a and b are integers
 * (see {@link betaCdfInt}), the CDF and density are then polynomials.
 *
 * @example
 * betaRefine(0.3, 2, 3, betaLogNorm(2, 3), 0.3, 1e-6); // 0.2571…
 */
export function betaRefine(p: number, a: number, b: number, lnorm: number, x: number, scaledTol: number, integer = false): number {
  let lo = 0;
  let hi = 1;
  const a1 = a - 1;
  const b1 = b - 1;
  for (let it = 0; it < 200; it++) {
    // x stays in (0, 1): the start is, and so is every step (inside the bracket)
    const lx = integer ? 0 : Math.log(x);
    const l1x = integer ? 0 : Math.log1p(-x);
    const f = (integer ? betaCdfInt(x, a, b) : betaCdfLogs(x, a, b, lnorm, lx, l1x)) - p;
    if (f === 0) return x;
    if (f > 0) hi = x;
    else lo = x;
    const dens = integer ? (a + b - 1) * binomialTerm(x, a1, a + b - 2) : Math.exp(lnorm + a1 * lx + b1 * l1x);
    const u = f / dens;
    let next = x - u / (1 - 0.5 * Math.min(1, u * (a1 / x - b1 / (1 - x))));
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    else if (scaledTol > 0 && Math.abs(next - x) * (1 + Math.abs(a1 / x) + Math.abs(b1 / (1 - x))) < scaledTol) return next;
    if (Math.abs(next - x) < 1e-15 || hi - lo < 1e-15) return next;
    x = next;
  }
  return x;
}

/**
 * Quantile of Beta(a, b): the x with I_x(a, b) = p, by Halley steps from {@link betaGuess}
 * (Numerical Recipes' `invbetai`) inside a bracket kept from the signs of I_x − p (a step leaving
 * it bisects instead, so it always converges), to about 1e-15 in x; two or three steps from the
 * guess for the shapes a PERT gives. The reference algorithm; the sampler's hot path starts from
 * an interpolated table instead (`src/random/beta-table.ts`).
 *
 * @example
 * betaQuantile(0.5, 3, 3); // 0.5
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return betaQuantileNorm(p, a, b, betaLogNorm(a, b));
}

/**
 * {@link betaQuantile} given `lnorm` = {@link betaLogNorm}(a, b) (the same bits).
 *
 * @example
 * betaQuantileNorm(0.5, 3, 3, betaLogNorm(3, 3)); // 0.5
 */
export function betaQuantileNorm(p: number, a: number, b: number, lnorm: number): number {
  let x = betaGuess(p, a, b);
  if (!(x > 0 && x < 1)) x = a / (a + b);
  return betaRefine(p, a, b, lnorm, x, 0);
}
