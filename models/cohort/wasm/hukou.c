/*
 * One year of the hukou accounts (models/cohort/README.md, "Hukou", steps H0-H5) for WebAssembly
 * with 128-bit SIMD, linked into the same module as cohort.c so that it reads the step inputs the
 * cohort step already holds in memory. The same operations, in the same order, as hukouStep in
 * models/cohort/hukou/step.ts, so both give the same bits: every sum keeps its own serial order;
 * SIMD only pairs independent operations (lane 0 = status H, lane 1 = status L; X runs beside
 * them in scalar code).
 *
 * State layout (1214 slots): [H 0..403 | L 404..807 | X 808..1211 | oH 1212 | oL 1213], each
 * status block in the resident layout [UF | UM | RF | RM]. Every pointer is a byte offset into the
 * imported memory. Returns 0, or an error code (ERR_* below, hukouStep's DrawErrors); on an error
 * Z and hf are unchanged and info holds the figures for the message: ERR_CONVERSION: info[0] =
 * the urban residents without local urban hukou; ERR_RETURNS: info[0] = the returning residents,
 * info[1] = the registered population living outside.
 */
#include <wasm_simd128.h>

typedef double f64;
typedef v128_t vec;

enum { CELLS = 404, HC = 0, LC = 404, XC = 808, OH = 1212, OL = 1213 };
/* The cohort step's flow slots read here: the external spread factors g_U, g_R. */
enum { EXT_GU = 13, EXT_GR = 14 };
/* Hukou flow slots (HFLOW in step.ts): the year's flows, then the new state's totals. */
enum { CITIZENISED, CITIZENISED_NON_LOCAL, RECLASSIFIED_HUKOU, NATURAL_H, NATURAL_REG, TOTAL_H, TOTAL_L, TOTAL_X, TOTAL_MIGRANTS };
enum { OK = 0, ERR_CONVERSION = 1, ERR_RETURNS = 2 };

/* (H[i], L[i]) of a state array and its store. */
static inline vec ld2(const f64 *a, int i) { return wasm_v128_load64_lane(a + LC + i, wasm_v128_load64_zero(a + i), 1); }
static inline void st2(f64 *a, int i, vec x) {
  wasm_v128_store64_lane(a + i, x, 0);
  wasm_v128_store64_lane(a + LC + i, x, 1);
}
static inline vec sp(f64 x) { return wasm_f64x2_splat(x); }
static inline f64 l0(vec x) { return wasm_f64x2_extract_lane(x, 0); }
static inline f64 l1(vec x) { return wasm_f64x2_extract_lane(x, 1); }

int hukou_step(f64 *restrict Z, f64 *restrict W, const f64 *restrict S, const f64 *restrict bs, const f64 *restrict h, int hLo, int hHi,
               f64 tfrU, f64 tfrR, f64 srb, f64 rho, const f64 *restrict gRU, f64 ret, const f64 *restrict gUR, f64 c,
               const f64 *restrict e, const f64 *restrict cf, f64 conversion, int conversionIsCount, f64 gain, f64 phi, f64 delta,
               f64 *restrict hf, f64 *restrict info) {
  const vec zero = sp(0);
  const f64 pi = srb / (1 + srb);
  /* H0. The outside stocks change at their own rate. */
  f64 oH = Z[OH] * (1 + delta);
  f64 oL = Z[OL] * (1 + delta);
  /* H1-H2. Survival and ageing of each status block, its start total in cell order (X's start and
     end totals enter no output, so they are not summed). */
  vec start = zero;
  for (int b = 0; b < 4; b++) {
    const int o = b * 101;
    for (int a = 0; a < 99; a++) {
      const f64 s = S[o + a];
      const vec p = ld2(Z, o + a);
      st2(W, o + a + 1, wasm_f64x2_mul(p, sp(s)));
      start = wasm_f64x2_add(start, p);
      const f64 pX = Z[XC + o + a];
      W[XC + o + a + 1] = pX * s;
    }
    const f64 s = S[o + 100];
    const vec top = wasm_f64x2_add(ld2(Z, o + 99), ld2(Z, o + 100));
    st2(W, o + 100, wasm_f64x2_mul(top, sp(s)));
    start = wasm_f64x2_add(start, top);
    const f64 topX = Z[XC + o + 99] + Z[XC + o + 100];
    W[XC + o + 100] = topX * s;
  }
  /* Births by the mother's status: exposure, then the four age-0 cells of each block. */
  vec xU = zero, xR = zero;
  f64 xUX = 0, xRX = 0;
  for (int a = hLo; a <= hHi; a++) {
    const f64 ha = h[a];
    xU = wasm_f64x2_add(xU, wasm_f64x2_mul(sp(ha), wasm_f64x2_add(ld2(Z, a), ld2(W, a + 1))));
    xR = wasm_f64x2_add(xR, wasm_f64x2_mul(sp(ha), wasm_f64x2_add(ld2(Z, 202 + a), ld2(W, 202 + a + 1))));
    xUX += ha * (Z[XC + a] + W[XC + a + 1]);
    xRX += ha * (Z[XC + 202 + a] + W[XC + 202 + a + 1]);
  }
  const f64 cU = 0.5 * tfrU, cR = 0.5 * tfrR;
  const vec BU = wasm_f64x2_mul(sp(cU), xU), BR = wasm_f64x2_mul(sp(cR), xR);
  const f64 BUX = cU * xUX, BRX = cR * xRX;
  st2(W, 0, wasm_f64x2_mul(wasm_f64x2_mul(sp(1 - pi), BU), sp(bs[0])));
  st2(W, 101, wasm_f64x2_mul(wasm_f64x2_mul(sp(pi), BU), sp(bs[1])));
  st2(W, 202, wasm_f64x2_mul(wasm_f64x2_mul(sp(1 - pi), BR), sp(bs[2])));
  st2(W, 303, wasm_f64x2_mul(wasm_f64x2_mul(sp(pi), BR), sp(bs[3])));
  W[XC] = (1 - pi) * BUX * bs[0];
  W[XC + 101] = pi * BUX * bs[1];
  W[XC + 202] = (1 - pi) * BRX * bs[2];
  W[XC + 303] = pi * BRX * bs[3];
  vec surv = zero;
  for (int i = 0; i < CELLS; i++) surv = wasm_f64x2_add(surv, ld2(W, i));
  const vec natural = wasm_f64x2_sub(surv, start);
  const f64 naturalH = l0(natural);
  f64 naturalReg = 0;
  naturalReg += l0(natural);
  naturalReg += l1(natural);
  /* H3. Internal migration and reclassification of every status at the cell's rates; of the
     reclassified with local rural hukou (L), a share gain gains urban hukou (moves to H). */
  f64 reclassifiedHukou = 0, migrants = 0;
  for (int s = 0; s < 2; s++) {
    for (int a = 0; a < 101; a++) {
      const int i = s * 101 + a;
      const f64 mRU = rho * gRU[a], mUR = ret * gUR[a];
      const vec qU = ld2(W, i), qR = ld2(W, 202 + i);
      const vec ru = wasm_f64x2_mul(qR, sp(mRU));
      const vec ur = wasm_f64x2_mul(qU, sp(mUR));
      const vec r1 = wasm_f64x2_add(wasm_f64x2_sub(qR, ru), ur);
      const vec cl = wasm_f64x2_mul(r1, sp(c));
      st2(W, 202 + i, wasm_f64x2_sub(r1, cl));
      const vec u = wasm_f64x2_add(wasm_f64x2_sub(wasm_f64x2_add(qU, ru), ur), cl);
      const f64 gained = l1(cl) * gain;
      W[HC + i] = l0(u) + gained;
      W[LC + i] = l1(u) - gained;
      reclassifiedHukou += gained;
      const f64 qUX = W[XC + i], qRX = W[XC + 202 + i];
      const f64 ruX = qRX * mRU, urX = qUX * mUR;
      const f64 r1X = qRX - ruX + urX;
      const f64 clX = r1X * c;
      W[XC + 202 + i] = r1X - clX;
      W[XC + i] = qUX + ruX - urX + clX;
      migrants += W[LC + i] + W[XC + i];
    }
  }
  /* H4. Citizenisation of urban residents without local urban hukou, in proportion to their number. */
  const f64 kappa = conversionIsCount ? (conversion == 0 ? 0 : conversion / migrants) : conversion;
  if (!(kappa >= 0 && kappa <= 1)) {
    info[0] = migrants;
    return ERR_CONVERSION;
  }
  f64 citizenised = 0, fromNonLocal = 0;
  for (int i = 0; i < 202; i++) {
    const f64 cL = W[LC + i] * kappa, cX = W[XC + i] * kappa;
    const f64 cLX = cL + cX;
    W[HC + i] += cLX;
    W[LC + i] -= cL;
    W[XC + i] -= cX;
    citizenised += cLX;
    fromNonLocal += cX;
  }
  /* H5. External migration at the cohort step's factors: net arrivals are registered elsewhere
     (share phi) or return from outside (in the outside stocks' hukou mix); net leavers keep their
     status, local ones joining the outside stocks. */
  const f64 fH = oH + oL > 0 ? oH / (oH + oL) : 0;
  f64 returned = 0, left = 0, leftH = 0;
  for (int area = 0; area < 2; area++) {
    const f64 g = area == 0 ? cf[EXT_GU] : cf[EXT_GR];
    if (g == 0) continue;
    for (int s = 0; s < 2; s++) {
      const int o = area * 202 + s * 101;
      for (int a = 0; a < 101; a++) {
        const f64 f = g * e[a];
        const int iH = HC + o + a, iL = LC + o + a, iX = XC + o + a;
        if (g > 0) {
          const f64 A = f * (W[iH] + W[iL] + W[iX]);
          const f64 back = (1 - phi) * A;
          W[iX] += A - back;
          W[iH] += back * fH;
          W[iL] += back - back * fH;
          returned += back;
        } else {
          const f64 lH = -f * W[iH];
          const f64 lL = -f * W[iL];
          W[iH] -= lH;
          W[iL] -= lL;
          W[iX] += f * W[iX];
          left += lH + lL;
          leftH += lH;
        }
      }
    }
  }
  if (returned > 0) {
    if (!(returned <= (oH + oL) * (1 + 1e-12))) {
      info[0] = returned;
      info[1] = oH + oL;
      return ERR_RETURNS;
    }
    oH -= returned * fH;
    oL -= returned - returned * fH;
  }
  /* The new state, and its totals (hukouTotals in step.ts): H, L, X over all cells, L + X over
     the urban ones, each in cell order. */
  vec total = zero;
  f64 totalX = 0, totalMigrants = 0;
  for (int i = 0; i < CELLS; i++) {
    const vec z = ld2(W, i);
    const f64 zX = W[XC + i];
    st2(Z, i, z);
    Z[XC + i] = zX;
    total = wasm_f64x2_add(total, z);
    totalX += zX;
    if (i < 202) totalMigrants += l1(z) + zX;
  }
  Z[OH] = oH + leftH;
  Z[OL] = oL + (left - leftH);
  hf[CITIZENISED] = citizenised;
  hf[CITIZENISED_NON_LOCAL] = fromNonLocal;
  hf[RECLASSIFIED_HUKOU] = reclassifiedHukou;
  hf[NATURAL_H] = naturalH;
  hf[NATURAL_REG] = naturalReg;
  hf[TOTAL_H] = l0(total);
  hf[TOTAL_L] = l1(total);
  hf[TOTAL_X] = totalX;
  hf[TOTAL_MIGRANTS] = totalMigrants;
  return OK;
}
