/*
 * The life tables of one projected year (models/cohort/lifetable.ts: personYears, survivalRatios,
 * solveLevel on its e0(theta) grid), for the same WebAssembly module as cohort.c and hukou.c, and
 * plain C for the whole-draw yardstick (bench/native/whole.c). The same operations in the same
 * order as the TypeScript, and an exp that gives the same bits as JavaScript's Math.exp: V8
 * computes Math.exp with its port of fdlibm's __ieee754_exp (v8/src/base/ieee754.cc), and
 * fd_exp below is that function (fdlibm 5.3, Sun Microsystems, freely redistributable; tests in
 * tests/models/cohort/wasm/lifetable.test.ts compare it with Math.exp bit for bit). Nothing here
 * calls the C library, so the WebAssembly build needs none.
 *
 * Layouts: a schedule or person-years table has 101 ages (0..100, 100 = 100+); survival is the
 * resident layout [UF | UM | RF | RM] of 4 x 101 cells; each block's standard schedule is
 * mx[sex], sex = block & 1. Pointers are byte offsets into the module's memory (WebAssembly).
 */
#ifdef __wasm_simd128__
#include <wasm_simd128.h>
typedef v128_t vec;
#endif
typedef double f64;
typedef unsigned long long u64;

enum { AGES = 101 };

static inline u64 bits(f64 x) {
  union { f64 f; u64 u; } v = {.f = x};
  return v.u;
}
static inline f64 from_bits(u64 b) {
  union { f64 f; u64 u; } v = {.u = b};
  return v.f;
}
static inline f64 fabs_(f64 x) { return __builtin_fabs(x); }

/* fdlibm's __ieee754_exp as in V8's base::ieee754::exp (Math.exp). */
f64 fd_exp(f64 x) {
  /* (fdlibm's two-element tables halF, ln2HI, ln2LO are selects here: no data segment in memory) */
  const f64 one = 1.0, o_threshold = 7.09782712893383973096e+02,
                   u_threshold = -7.45133219101941108420e+02,
                   ln2HI = 6.93147180369123816490e-01, ln2LO = 1.90821492927058770002e-10, invln2 = 1.44269504088896338700e+00, P1 = 1.66666666666666019037e-01,
                   P2 = -2.77777777770155933842e-03, P3 = 6.61375632143793436117e-05,
                   P4 = -1.65339022054652515390e-06, P5 = 4.13813679705723846039e-08, E = 2.718281828459045;
  const f64 huge = 1.0e+300, twom1000 = 9.33263618503218878990e-302, two1023 = 8.988465674311579539e307;
  f64 y, hi = 0.0, lo = 0.0, c, t, twopk;
  int k = 0;
  const u64 b = bits(x);
  const unsigned hxs = (unsigned)(b >> 32);
  const int xsb = (int)((hxs >> 31) & 1);
  const unsigned hx = hxs & 0x7FFFFFFFu;
  if (hx >= 0x40862E42u) { /* |x| >= 709.78... */
    if (hx >= 0x7FF00000u) {
      const unsigned lx = (unsigned)b;
      if (((hx & 0xFFFFFu) | lx) != 0) return x + x; /* NaN */
      return xsb == 0 ? x : 0.0;                     /* exp(+-inf) = {inf, 0} */
    }
    if (x > o_threshold) return huge * huge;
    if (x < u_threshold) return twom1000 * twom1000;
  }
  if (hx > 0x3FD62E42u) {   /* |x| > 0.5 ln2 */
    if (hx < 0x3FF0A2B2u) { /* and |x| < 1.5 ln2 */
      if (x == 1.0) return E;
      hi = x - (xsb ? -ln2HI : ln2HI);
      lo = xsb ? -ln2LO : ln2LO;
      k = 1 - xsb - xsb;
    } else {
      k = (int)(invln2 * x + (xsb ? -0.5 : 0.5));
      t = k;
      hi = x - t * ln2HI;
      lo = t * ln2LO;
    }
    x = hi - lo;
  } else if (hx < 0x3E300000u) { /* |x| < 2**-28 */
    if (huge + x > one) return one + x;
  } else {
    k = 0;
  }
  t = x * x;
  if (k >= -1021) twopk = from_bits((u64)(0x3FF00000u + ((unsigned)k << 20)) << 32);
  else twopk = from_bits((u64)(0x3FF00000u + ((unsigned)(k + 1000) << 20)) << 32);
  c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k == 0) return one - ((x * c) / (c - 2.0) - x);
  y = one - ((lo - (x * c) / (2.0 - c)) - hi);
  if (k >= -1021) {
    if (k == 1024) return y * 2.0 * two1023;
    return y * twopk;
  }
  return y * twopk * twom1000;
}

/* personYears: L(a) of the table of mx(a)·scale with radix 1; returns e0. One pass, as in the
   TypeScript: a version with the divisions two ages at a time in SIMD lanes (three passes through
   memory) was no faster than the JavaScript, this one is about 1.2-1.4 times faster. */
f64 person_years(const f64 *restrict mx, f64 scale, f64 *restrict L) {
  f64 l = 1, e0 = 0, mPrev = __builtin_nan(""), p = 1;
  for (int a = 0; a < 100; a++) {
    const f64 ma = mx[a];
    const f64 m = ma * scale;
    if (ma != mPrev) {
      p = fd_exp(-m);
      mPrev = ma;
    }
    const f64 La = m > 0 ? (l * (1 - p)) / m : l;
    L[a] = La;
    e0 += La;
    l *= p;
  }
  const f64 m100 = mx[100] * scale;
  L[100] = m100 > 0 ? l / m100 : __builtin_inf();
  return e0 + L[100];
}

/* survivalRatios into s[0..100]; returns b = L(0). */
static inline __attribute__((always_inline)) f64 survival_ratios(const f64 *restrict L, f64 *restrict s) {
#ifdef __wasm_simd128__
  for (int a = 0; a < 98; a += 2) wasm_v128_store(s + a, wasm_f64x2_div(wasm_v128_load(L + a + 1), wasm_v128_load(L + a)));
  s[98] = L[99] / L[98];
#else
  for (int a = 0; a < 99; a++) s[a] = L[a + 1] / L[a];
#endif
  const f64 s100 = L[100] / (L[99] + L[100]);
  s[99] = s100;
  s[100] = s100;
  return L[0];
}

/* The e0(theta) grid: theta0, step, n values e0[k] (falling). */
typedef struct {
  f64 theta0, step;
  const f64 *e0;
  int n;
} Grid;

static inline __attribute__((always_inline)) int grid_index(const Grid *g, f64 target) {
  const f64 *e = g->e0;
  if (!(target <= e[0] && target > e[g->n - 1])) return -1;
  int lo = 0, hi = g->n - 1;
  while (hi - lo > 1) {
    const int mid = (lo + hi) >> 1;
    if (e[mid] >= target) lo = mid;
    else hi = mid;
  }
  return lo;
}

/* inverseCubic: theta(target) and its slope d theta / d e0 (*slope). */
static inline __attribute__((always_inline)) f64 inverse_cubic(const Grid *g, int k, f64 target, f64 *slope) {
  f64 theta = 0, sl = 0;
  for (int j = 0; j < 4; j++) {
    const f64 ej = g->e0[k - 1 + j];
    const f64 tj = g->theta0 + (k - 1 + j) * g->step;
    f64 w = 1, dw = 0;
    for (int m = 0; m < 4; m++) {
      if (m == j) continue;
      const f64 em = g->e0[k - 1 + m];
      const f64 d = ej - em;
      dw = (dw * (target - em) + w) / d;
      w *= (target - em) / d;
    }
    theta += tj * w;
    sl += tj * dw;
  }
  *slope = sl;
  return theta;
}

/* solveLevel with a grid (n > 0) or without (n = 0). */
static inline __attribute__((always_inline)) f64 solve_level(const f64 *restrict mx, f64 e0, f64 *restrict L, f64 tol, const Grid *g) {
  f64 lo, hi, flo, fhi;
  const int k = g->n > 0 ? grid_index(g, e0) : -1;
  if (g->n > 0 && k >= 0) {
    lo = g->theta0 + k * g->step;
    hi = lo + g->step;
    flo = g->e0[k] - e0;
    fhi = g->e0[k + 1] - e0;
    if (k >= 1 && k + 2 < g->n) {
      f64 slope;
      f64 theta = inverse_cubic(g, k, e0, &slope);
      for (int it = 0; it < 3 && theta > lo && theta < hi; it++) {
        const f64 f = person_years(mx, fd_exp(theta), L) - e0;
        if (fabs_(f) < tol) return theta;
        if (f > 0) {
          lo = theta;
          flo = f;
        } else {
          hi = theta;
          fhi = f;
        }
        theta -= f * slope;
      }
    }
  } else {
    f64 step = 1;
    lo = -step;
    hi = step;
    flo = person_years(mx, fd_exp(lo), L) - e0;
    fhi = person_years(mx, fd_exp(hi), L) - e0;
    while (flo < 0) {
      hi = lo;
      fhi = flo;
      step *= 2;
      lo -= step;
      flo = person_years(mx, fd_exp(lo), L) - e0;
    }
    while (fhi > 0) {
      lo = hi;
      flo = fhi;
      step *= 2;
      hi += step;
      fhi = person_years(mx, fd_exp(hi), L) - e0;
    }
  }
  int side = 0;
  f64 theta = lo;
  for (int it = 0; it < 200; it++) {
    theta = (lo * fhi - hi * flo) / (fhi - flo);
    if (!(theta > lo && theta < hi)) theta = 0.5 * (lo + hi);
    const f64 f = person_years(mx, fd_exp(theta), L) - e0;
    if (fabs_(f) < tol) return theta;
    if (f > 0) {
      lo = theta;
      flo = f;
      if (side == 1) fhi /= 2;
      side = 1;
    } else {
      hi = theta;
      fhi = f;
      if (side == -1) flo /= 2;
      side = -1;
    }
    if (hi - lo < 1e-15) break;
  }
  person_years(mx, fd_exp(theta), L);
  return theta;
}

/*
 * One year's life tables (the cohort runner's lifeTableInto for blocks 0..3): for each block b
 * whose e0[b] differs from last[b], solve the level of mx[b & 1] (standards: mxF then mxM, 101
 * each) for e0[b] on its sex's grid (grids: n values for sex 0, then n for sex 1; n = 0: no grid),
 * write survival block b and bs[b], and set last[b] = e0[b]. L is 101 cells of scratch.
 */
void life_tables(const f64 *restrict e0, f64 *restrict last, const f64 *restrict standards, const f64 *restrict grids, int n, f64 theta0,
                 f64 step, f64 tol, f64 *restrict L, f64 *restrict survival, f64 *restrict bs) {
  for (int b = 0; b < 4; b++) {
    if (e0[b] == last[b]) continue;
    const int sex = b & 1;
    const Grid g = {theta0, step, grids + sex * n, n};
    solve_level(standards + sex * AGES, e0[b], L, tol, &g);
    bs[b] = survival_ratios(L, survival + b * AGES);
    last[b] = e0[b];
  }
}
