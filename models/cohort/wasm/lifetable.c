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
 * The two blocks of one sex are solved together in SIMD lanes (lane 0 urban, lane 1 rural: see
 * life_table_pair); natively (bench/native/whole.c) bench/native/scalar/wasm_simd128.h does the
 * lanes one after the other.
 */
/* WebAssembly SIMD intrinsics; natively (bench/native/whole.c) bench/native/scalar/wasm_simd128.h
   stands in for them, lane by lane with the same IEEE-754 operations. */
#include <wasm_simd128.h>
typedef v128_t vec;
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

/* gridIndex: the k with e0[k] >= target > e0[k + 1], or -1 outside the table. The window
   [lo, lo + len] halves with a select, not a branch (the comparisons are unpredictable: the
   branching search cost mispredictions at every step); lifetable.ts searches the same way. */
static inline __attribute__((always_inline)) int grid_index(const Grid *g, f64 target) {
  const f64 *e = g->e0;
  if (!(target <= e[0] && target > e[g->n - 1])) return -1;
  int lo = 0, len = g->n - 1;
  while (len > 1) {
    const int half = len >> 1;
    lo = e[lo + half] >= target ? lo + half : lo;
    len -= half;
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
 * Two blocks at a time. Blocks UF and RF share the female standard, UM and RM the male one, so
 * the two blocks of one sex are solved together in the two f64 lanes of a v128: lane 0 the urban
 * block (b = sex), lane 1 the rural one (b = sex + 2). Every lane does exactly the scalar
 * operations above in the same order (no fused or reassociated arithmetic), so each lane gives
 * the scalar code's bits; what differs between the lanes and would branch (the grid bracket, a
 * lane outside fd_exp2's range, a lane that misses the tolerance) sends that lane back to the
 * scalar code, which recomputes it from the start and so again gives its own bits.
 */

/* The f64 whose high word is hi and low word 0. */
static inline f64 high_word(unsigned hi) { return from_bits((u64)hi << 32); }

/* Whether fd_exp(x) takes the reduction below: 2^-28 <= |x| < 704 (hx in [0x3E300000,
   0x40860000), so no overflow, underflow or k < -1021), and x != 1 (returned as E). */
static inline int exp2_lane_ok(f64 x) {
  const f64 ax = fabs_(x);
  return ax >= high_word(0x3E300000u) && ax < 704.0 && x != 1.0;
}

/* fd_exp in both lanes. In range, fdlibm's three cases are one computation: k = trunc(x/ln2 +-
   0.5) is fdlibm's k for |x| >= 1.5 ln2 and is +-1 for 0.5 ln2 < |x| < 1.5 ln2, where t*ln2HI and
   t*ln2LO are exactly +-ln2HI and +-ln2LO; for |x| <= 0.5 ln2 (hx <= 0x3FD62E42) k = 0, so
   hi = x - 0 = x, lo = 0, and 1 - ((0 - q) - x) with q = (x c)/(2 - c) is fdlibm's
   1 - ((x c)/(c - 2) - x) bit for bit (c - 2 = -(2 - c) exactly, q != 0), times 2^0. */
static inline vec fd_exp2(vec x) {
  const vec ax = wasm_f64x2_abs(x);
  const vec ok = wasm_v128_and(wasm_v128_and(wasm_f64x2_ge(ax, wasm_f64x2_splat(high_word(0x3E300000u))), wasm_f64x2_lt(ax, wasm_f64x2_splat(704.0))),
                               wasm_f64x2_ne(x, wasm_f64x2_splat(1.0)));
  if (!wasm_i64x2_all_true(ok)) return wasm_f64x2_make(fd_exp(wasm_f64x2_extract_lane(x, 0)), fd_exp(wasm_f64x2_extract_lane(x, 1)));
  const vec one = wasm_f64x2_splat(1.0), two = wasm_f64x2_splat(2.0);
  const vec P1 = wasm_f64x2_splat(1.66666666666666019037e-01), P2 = wasm_f64x2_splat(-2.77777777770155933842e-03),
            P3 = wasm_f64x2_splat(6.61375632143793436117e-05), P4 = wasm_f64x2_splat(-1.65339022054652515390e-06),
            P5 = wasm_f64x2_splat(4.13813679705723846039e-08);
  const vec half = wasm_v128_or(wasm_f64x2_splat(0.5), wasm_v128_and(x, wasm_f64x2_splat(-0.0)));
  vec t = wasm_f64x2_trunc(wasm_f64x2_add(wasm_f64x2_mul(wasm_f64x2_splat(1.44269504088896338700e+00), x), half));
  t = wasm_v128_and(t, wasm_f64x2_ge(ax, wasm_f64x2_splat(high_word(0x3FD62E43u))));
  const vec hi = wasm_f64x2_sub(x, wasm_f64x2_mul(t, wasm_f64x2_splat(6.93147180369123816490e-01)));
  const vec lo = wasm_f64x2_mul(t, wasm_f64x2_splat(1.90821492927058770002e-10));
  const vec r = wasm_f64x2_sub(hi, lo);
  const vec rr = wasm_f64x2_mul(r, r);
  const vec poly = wasm_f64x2_add(P1, wasm_f64x2_mul(rr, wasm_f64x2_add(P2, wasm_f64x2_mul(rr, wasm_f64x2_add(P3, wasm_f64x2_mul(rr, wasm_f64x2_add(P4, wasm_f64x2_mul(rr, P5))))))));
  const vec c = wasm_f64x2_sub(r, wasm_f64x2_mul(rr, poly));
  const vec q = wasm_f64x2_div(wasm_f64x2_mul(r, c), wasm_f64x2_sub(two, c));
  const vec y = wasm_f64x2_sub(one, wasm_f64x2_sub(wasm_f64x2_sub(lo, q), hi));
  /* 2^k: k + 1.5*2^52 holds k in its low mantissa bits; (those + 1023) << 52 is 2^k's bits. */
  const vec kbits = wasm_f64x2_add(t, wasm_f64x2_splat(6755399441055744.0));
  const vec twopk = wasm_i64x2_shl(wasm_i64x2_add(kbits, wasm_i64x2_splat(1023)), 52);
  return wasm_f64x2_mul(y, twopk);
}

/* fd_exp2 on n pairs x[2i], x[2i + 1] into y (for the tests: each lane must give fd_exp's bits). */
void fd_exp_pairs(const f64 *restrict x, f64 *restrict y, int n) {
  for (int i = 0; i < n; i++) wasm_v128_store(y + 2 * i, fd_exp2(wasm_v128_load(x + 2 * i)));
}

/* person_years in both lanes: the same schedule mx, scale per lane; L2 interleaved, L2[2a + lane]
   (202 cells). The runs of equal rates are the schedule's, the same for both lanes. */
static vec person_years2(const f64 *restrict mx, vec scale, f64 *restrict L2) {
  const vec zero = wasm_f64x2_splat(0.0), one = wasm_f64x2_splat(1.0);
  vec l = one, e0 = zero, p = one;
  f64 mPrev = __builtin_nan("");
  /* first the survival probabilities (the exps do not wait for the person-years chain) */
  for (int a = 0; a < 100; a++) {
    const f64 ma = mx[a];
    if (ma != mPrev) {
      p = fd_exp2(wasm_f64x2_neg(wasm_f64x2_mul(wasm_f64x2_splat(ma), scale)));
      mPrev = ma;
    }
    wasm_v128_store(L2 + 2 * a, p);
  }
  for (int a = 0; a < 100; a++) {
    const vec m = wasm_f64x2_mul(wasm_f64x2_splat(mx[a]), scale);
    p = wasm_v128_load(L2 + 2 * a);
    const vec La = wasm_v128_bitselect(wasm_f64x2_div(wasm_f64x2_mul(l, wasm_f64x2_sub(one, p)), m), l, wasm_f64x2_gt(m, zero));
    wasm_v128_store(L2 + 2 * a, La);
    e0 = wasm_f64x2_add(e0, La);
    l = wasm_f64x2_mul(l, p);
  }
  const vec m100 = wasm_f64x2_mul(wasm_f64x2_splat(mx[100]), scale);
  const vec L100 = wasm_v128_bitselect(wasm_f64x2_div(l, m100), wasm_f64x2_splat(__builtin_inf()), wasm_f64x2_gt(m100, zero));
  wasm_v128_store(L2 + 200, L100);
  return wasm_f64x2_add(e0, L100);
}

/* grid_index of two targets on one grid, the two searches interleaved (the same windows). */
static inline __attribute__((always_inline)) void grid_index2(const Grid *g, f64 t0, f64 t1, int *k0, int *k1) {
  const f64 *e = g->e0;
  int lo0 = 0, lo1 = 0, len = g->n - 1;
  while (len > 1) {
    const int half = len >> 1;
    lo0 = e[lo0 + half] >= t0 ? lo0 + half : lo0;
    lo1 = e[lo1 + half] >= t1 ? lo1 + half : lo1;
    len -= half;
  }
  *k0 = t0 <= e[0] && t0 > e[g->n - 1] ? lo0 : -1;
  *k1 = t1 <= e[0] && t1 > e[g->n - 1] ? lo1 : -1;
}

/* inverse_cubic in both lanes, lane i at grid index k[i]; *slope gets both slopes. */
static inline __attribute__((always_inline)) vec inverse_cubic2(const Grid *g, int k0, int k1, vec target, vec *slope) {
  const f64 *e = g->e0;
  vec theta = wasm_f64x2_splat(0), sl = wasm_f64x2_splat(0);
  for (int j = 0; j < 4; j++) {
    const vec ej = wasm_f64x2_make(e[k0 - 1 + j], e[k1 - 1 + j]);
    const vec tj = wasm_f64x2_make(g->theta0 + (k0 - 1 + j) * g->step, g->theta0 + (k1 - 1 + j) * g->step);
    vec w = wasm_f64x2_splat(1), dw = wasm_f64x2_splat(0);
    for (int m = 0; m < 4; m++) {
      if (m == j) continue;
      const vec em = wasm_f64x2_make(e[k0 - 1 + m], e[k1 - 1 + m]);
      const vec d = wasm_f64x2_sub(ej, em);
      const vec x = wasm_f64x2_sub(target, em);
      dw = wasm_f64x2_div(wasm_f64x2_add(wasm_f64x2_mul(dw, x), w), d);
      w = wasm_f64x2_mul(w, wasm_f64x2_div(x, d));
    }
    theta = wasm_f64x2_add(theta, wasm_f64x2_mul(tj, w));
    sl = wasm_f64x2_add(sl, wasm_f64x2_mul(tj, dw));
  }
  *slope = sl;
  return theta;
}

/* Survival block and birth survival of one lane of L2 (survival_ratios on that lane). */
static inline __attribute__((always_inline)) f64 survival_lane(const f64 *restrict L2, int lane, f64 *restrict s) {
  for (int a = 0; a < 99; a++) s[a] = L2[2 * a + 2 + lane] / L2[2 * a + lane];
  const f64 s100 = L2[200 + lane] / (L2[198 + lane] + L2[200 + lane]);
  s[99] = s100;
  s[100] = s100;
  return L2[lane];
}

/* survival_ratios of both lanes of L2 into s0 and s1 (the same divisions, both lanes at once);
   birth survival into *bs0, *bs1. */
static inline __attribute__((always_inline)) void survival_pair(const f64 *restrict L2, f64 *restrict s0, f64 *restrict s1, f64 *restrict bs0,
                                                                f64 *restrict bs1) {
  vec La = wasm_v128_load(L2);
  for (int a = 0; a < 99; a++) {
    const vec Lb = wasm_v128_load(L2 + 2 * a + 2);
    const vec s = wasm_f64x2_div(Lb, La);
    wasm_v128_store64_lane(s0 + a, s, 0);
    wasm_v128_store64_lane(s1 + a, s, 1);
    La = Lb;
  }
  const vec L100 = wasm_v128_load(L2 + 200);
  const vec s100 = wasm_f64x2_div(L100, wasm_f64x2_add(wasm_v128_load(L2 + 198), L100));
  wasm_v128_store64_lane(s0 + 99, s100, 0);
  wasm_v128_store64_lane(s0 + 100, s100, 0);
  wasm_v128_store64_lane(s1 + 99, s100, 1);
  wasm_v128_store64_lane(s1 + 100, s100, 1);
  *bs0 = L2[0];
  *bs1 = L2[1];
}

/* One block the scalar way: solve_level, then survival block b and bs[b]. */
static void life_table(const f64 *restrict mx, f64 e0, const Grid *g, f64 tol, f64 *restrict L, f64 *restrict survival, f64 *restrict bs, int b) {
  solve_level(mx, e0, L, tol, g);
  bs[b] = survival_ratios(L, survival + b * AGES);
}

/* Blocks sex (lane 0) and sex + 2 (lane 1) together: the cubic starts and the first person-years
   pass in the two lanes when both starts lie inside the grid and their brackets (else both
   blocks the scalar way); a lane within tol is done, the other is solved again the scalar way. */
static void life_table_pair(const f64 *restrict mx, const f64 *restrict e0, const Grid *g, f64 tol, f64 *restrict L2, f64 *restrict survival,
                            f64 *restrict bs, int sex) {
  const int b0 = sex, b1 = sex + 2, n = g->n;
  int k0 = -1, k1 = -1, done0 = 0, done1 = 0;
  if (n > 0) grid_index2(g, e0[b0], e0[b1], &k0, &k1);
  if (k0 >= 1 && k0 + 2 < n && k1 >= 1 && k1 + 2 < n) {
    const vec target = wasm_f64x2_make(e0[b0], e0[b1]);
    vec slope;
    const vec theta = inverse_cubic2(g, k0, k1, target, &slope);
    const f64 th0 = wasm_f64x2_extract_lane(theta, 0), th1 = wasm_f64x2_extract_lane(theta, 1);
    const f64 lo0 = g->theta0 + k0 * g->step, lo1 = g->theta0 + k1 * g->step;
    if (th0 > lo0 && th0 < lo0 + g->step && th1 > lo1 && th1 < lo1 + g->step) {
      const vec f = wasm_f64x2_sub(person_years2(mx, fd_exp2(theta), L2), target);
      done0 = fabs_(wasm_f64x2_extract_lane(f, 0)) < tol;
      done1 = fabs_(wasm_f64x2_extract_lane(f, 1)) < tol;
      if (done0 && done1) survival_pair(L2, survival + b0 * AGES, survival + b1 * AGES, bs + b0, bs + b1);
      else if (done0) bs[b0] = survival_lane(L2, 0, survival + b0 * AGES);
      else if (done1) bs[b1] = survival_lane(L2, 1, survival + b1 * AGES);
    }
  }
  /* L2 is free now: its first 101 cells are the scalar solve's L */
  if (!done0) life_table(mx, e0[b0], g, tol, L2, survival, bs, b0);
  if (!done1) life_table(mx, e0[b1], g, tol, L2, survival, bs, b1);
}

/*
 * One year's life tables (the cohort runner's lifeTableInto for blocks 0..3): for each block b
 * whose e0[b] differs from last[b], solve the level of mx[b & 1] (standards: mxF then mxM, 101
 * each) for e0[b] on its sex's grid (grids: n values for sex 0, then n for sex 1; n = 0: no grid),
 * write survival block b and bs[b], and set last[b] = e0[b]. When both blocks of a sex changed
 * (UF and RF, UM and RM) they are solved together in two SIMD lanes (life_table_pair). L is 202
 * cells of scratch.
 */
void life_tables(const f64 *restrict e0, f64 *restrict last, const f64 *restrict standards, const f64 *restrict grids, int n, f64 theta0,
                 f64 step, f64 tol, f64 *restrict L, f64 *restrict survival, f64 *restrict bs) {
  for (int sex = 0; sex < 2; sex++) {
    const Grid g = {theta0, step, grids + sex * n, n};
    const f64 *mx = standards + sex * AGES;
    const int u = sex, r = sex + 2, cu = e0[u] != last[u], cr = e0[r] != last[r];
    if (cu && cr) life_table_pair(mx, e0, &g, tol, L, survival, bs, sex);
    else if (cu) life_table(mx, e0[u], &g, tol, L, survival, bs, u);
    else if (cr) life_table(mx, e0[r], &g, tol, L, survival, bs, r);
    if (cu) last[u] = e0[u];
    if (cr) last[r] = e0[r];
  }
}
