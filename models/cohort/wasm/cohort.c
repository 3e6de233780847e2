/*
 * One year of the cohort-component urban/rural projection (MODEL.md v1, steps 1-5) for
 * WebAssembly with 128-bit SIMD: the same operations, in the same order, as cohortStep in
 * models/cohort/kernel.ts, so both give the same bits (every sum keeps its own serial order; SIMD
 * only pairs independent operations: lane 0 = urban, lane 1 = rural).
 *
 * Build (npm run build:wasm, scripts/wasm-build.mjs; one module with the hukou step):
 *   clang --target=wasm32 -msimd128 -O3 -ffp-contract=off -fno-slp-vectorize -fno-vectorize
 *         -nostdlib -fno-builtin -Wl,--no-entry -Wl,--import-memory -Wl,--export=cohort_step
 *         -Wl,--export=hukou_step -Wl,--strip-all -o cohort.wasm cohort.c hukou.c
 *
 * State layout: [UF 0..100 | UM 0..100 | RF 0..100 | RM 0..100], cell (b, a) at b*101 + a.
 * Every pointer is a byte offset into the imported memory. Returns 0, or an error code
 * (ERR_* below) when net external migration cannot be spread (the JavaScript kernel's DrawError);
 * on an error P is unchanged and flows[7], flows[8] hold the net external counts N_U, N_R.
 */
#include <wasm_simd128.h>

typedef double f64;
typedef v128_t vec;

enum { UF = 0, UM = 101, RF = 202, RM = 303 };
/* Flow slots: the shared nine (models/shared/urban-rural.ts), then start and end totals. */
enum { BIRTHS_U, BIRTHS_R, DEATHS_U, DEATHS_R, RURAL_TO_URBAN, URBAN_TO_RURAL, RECLASS, EXT_U, EXT_R, START_U, START_R, END_U, END_R, EXT_GU, EXT_GR };
enum { OK = 0, ERR_EMPTY_U = 1, ERR_EXCEEDS_U = 2, ERR_EMPTY_R = 3, ERR_EXCEEDS_R = 4 };

/* (u[0], r[0]) and its store. */
static inline vec ld2(const f64 *u, const f64 *r) { return wasm_v128_load64_lane(r, wasm_v128_load64_zero(u), 1); }
static inline void st2(f64 *u, f64 *r, vec x) {
  wasm_v128_store64_lane(u, x, 0);
  wasm_v128_store64_lane(r, x, 1);
}

/* Survival and ageing of age a in all four blocks: two independent (urban, rural) chains. */
#define AGE(a)                                                                 \
  const vec pF = ld2(P + UF + (a), P + RF + (a));                              \
  const vec pM = ld2(P + UM + (a), P + RM + (a));                              \
  const vec qF = wasm_f64x2_mul(pF, ld2(S + UF + (a), S + RF + (a)));          \
  const vec qM = wasm_f64x2_mul(pM, ld2(S + UM + (a), S + RM + (a)));          \
  st2(Q + UF + (a) + 1, Q + RF + (a) + 1, qF);                                 \
  st2(Q + UM + (a) + 1, Q + RM + (a) + 1, qM);                                 \
  sF = wasm_f64x2_add(sF, pF);                                                 \
  sM = wasm_f64x2_add(sM, pM);

/* N / sum e*Q'' with the checks of spreadFactor in kernel.ts; *err set on failure. */
static f64 spread(f64 N, f64 w, const f64 *Q, int o, const f64 *e, f64 eMax, int *err, int code) {
  if (N == 0) return 0;
  if (!(w > 0)) { *err = code; return 0; }
  const f64 g = N / w;
  if (g * eMax < -1) {
    f64 m = 0;
    for (int a = 0; a < 101; a++)
      if ((Q[o + a] > 0 || Q[o + 101 + a] > 0) && e[a] > m) m = e[a];
    if (g * m < -1) *err = code + 1;
  }
  return g;
}

int cohort_step(f64 *restrict P, f64 *restrict Q, const f64 *restrict S, const f64 *restrict bs, const f64 *restrict h, int hLo, int hHi,
                f64 tfrU, f64 tfrR, f64 srb, f64 rho, const f64 *restrict gRU, f64 ret, const f64 *restrict gUR, f64 c, f64 extU, f64 extR,
                int extUIsCount, int extRIsCount, const f64 *restrict e, f64 eMax, f64 *restrict flows) {
  /* 1. Survival and ageing, with 2. the births' exposure over the fertile ages when hHi <= 98. */
  const vec zero = wasm_f64x2_splat(0);
  vec sF = zero, sM = zero, x = zero;
  const int fused = hHi <= 98;
  const int lo = fused ? (hLo < 0 ? 0 : hLo > 99 ? 99 : hLo) : 99;
  const int hi = fused ? (hHi + 1 < lo ? lo : hHi + 1) : 99;
  for (int a = 0; a < lo; a++) { AGE(a) }
  for (int a = lo; a < hi; a++) {
    AGE(a)
    x = wasm_f64x2_add(x, wasm_f64x2_mul(wasm_f64x2_splat(h[a]), wasm_f64x2_add(pF, qF)));
  }
  for (int a = hi; a < 99; a++) { AGE(a) }
  {
    const vec tF = wasm_f64x2_add(ld2(P + UF + 99, P + RF + 99), ld2(P + UF + 100, P + RF + 100));
    const vec tM = wasm_f64x2_add(ld2(P + UM + 99, P + RM + 99), ld2(P + UM + 100, P + RM + 100));
    st2(Q + UF + 100, Q + RF + 100, wasm_f64x2_mul(tF, ld2(S + UF + 100, S + RF + 100)));
    st2(Q + UM + 100, Q + RM + 100, wasm_f64x2_mul(tM, ld2(S + UM + 100, S + RM + 100)));
    sF = wasm_f64x2_add(sF, tF);
    sM = wasm_f64x2_add(sM, tM);
  }
  const vec start = wasm_f64x2_add(wasm_f64x2_add(zero, sF), sM);
  const f64 startU = wasm_f64x2_extract_lane(start, 0), startR = wasm_f64x2_extract_lane(start, 1);
  f64 xU = wasm_f64x2_extract_lane(x, 0), xR = wasm_f64x2_extract_lane(x, 1);
  if (!fused) {
    for (int a = hLo; a <= hHi; a++) {
      xU += h[a] * (P[UF + a] + Q[UF + a + 1]);
      xR += h[a] * (P[RF + a] + Q[RF + a + 1]);
    }
  }
  /* 2. Births. */
  const f64 BU = 0.5 * tfrU * xU, BR = 0.5 * tfrR * xR;
  const f64 pi = srb / (1 + srb);
  Q[UF] = (1 - pi) * BU * bs[0];
  Q[UM] = pi * BU * bs[1];
  Q[RF] = (1 - pi) * BR * bs[2];
  Q[RM] = pi * BR * bs[3];
  /* 3-4. Internal migration (simultaneous) and reclassification; survivors and external weights. */
  f64 survU = 0, survR = 0, fRU = 0, fUR = 0, fC = 0, wU = 0, wR = 0;
  for (int s = 0; s < 2; s++) {
    const int oU = s * 101, oR = 202 + s * 101;
    for (int a = 0; a < 101; a++) {
      const f64 qU = Q[oU + a], qR = Q[oR + a];
      survU += qU;
      survR += qR;
      const f64 ru = qR * (rho * gRU[a]);
      const f64 ur = qU * (ret * gUR[a]);
      const f64 r1 = qR - ru + ur;
      const f64 cl = r1 * c;
      const f64 r2 = r1 - cl;
      const f64 u2 = qU + ru - ur + cl;
      Q[oR + a] = r2;
      Q[oU + a] = u2;
      fRU += ru;
      fUR += ur;
      fC += cl;
      wU += e[a] * u2;
      wR += e[a] * r2;
    }
  }
  /* 5. External migration, spread over sex and age in proportion to e(a)*Q''(a). */
  const f64 NU = extUIsCount ? extU : extU * startU;
  const f64 NR = extRIsCount ? extR : extR * startR;
  flows[EXT_U] = NU;
  flows[EXT_R] = NR;
  int err = OK;
  const f64 gU = spread(NU, wU, Q, 0, e, eMax, &err, ERR_EMPTY_U);
  if (err) return err;
  const f64 gR = spread(NR, wR, Q, 202, e, eMax, &err, ERR_EMPTY_R);
  if (err) return err;
  const vec g = wasm_f64x2_make(gU, gR);
  vec end = zero;
  for (int s = 0; s < 2; s++) {
    const int oU = s * 101, oR = 202 + s * 101;
    for (int a = 0; a < 101; a++) {
      const vec q = ld2(Q + oU + a, Q + oR + a);
      const vec p = wasm_f64x2_add(q, wasm_f64x2_mul(wasm_f64x2_mul(g, wasm_f64x2_splat(e[a])), q));
      st2(P + oU + a, P + oR + a, p);
      end = wasm_f64x2_add(end, p);
    }
  }
  flows[BIRTHS_U] = BU;
  flows[BIRTHS_R] = BR;
  flows[DEATHS_U] = startU + BU - survU;
  flows[DEATHS_R] = startR + BR - survR;
  flows[RURAL_TO_URBAN] = fRU;
  flows[URBAN_TO_RURAL] = fUR;
  flows[RECLASS] = fC;
  flows[START_U] = startU;
  flows[START_R] = startR;
  flows[END_U] = wasm_f64x2_extract_lane(end, 0);
  flows[END_R] = wasm_f64x2_extract_lane(end, 1);
  flows[EXT_GU] = gU;
  flows[EXT_GR] = gR;
  return OK;
}
