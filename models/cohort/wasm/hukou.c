/*
 * One year of the hukou accounts (models/cohort/README.md, "Hukou", steps H0-H5) for WebAssembly
 * with 128-bit SIMD, linked into the same module as cohort.c so that it reads the step inputs the
 * cohort step already holds in memory. The same operations, in the same order, as hukouStep in
 * models/cohort/hukou/step.ts, so both give the same bits.
 *
 * Vectors run along the ages: lane 0 an even age a, lane 1 the odd age a + 1 of the same status,
 * area and sex, for a = 0, 2, ..., 98; age 100 comes alone in lane 0 (lane 1 loads +0 and is not
 * stored). Every sum over cells therefore runs in two lanes, even ages and odd ages, each in the
 * order sex by sex, age by age, and ends lane 0 + lane 1 (step.ts's "two lanes"); a sum over both
 * areas adds each urban cell to its rural twin (same status, sex and age) first, except H5's, which
 * runs area after area in the same two lanes. A lane begins at +0 and so is never -0: adding the
 * +0 or -0 of an unused lane 1 (finite inputs) leaves its bits. The sums' order changed from one
 * serial sum in cell order (up to December 2026) to these two lanes: the totals and flows moved by
 * rounding only; the births' exposures keep their serial order (lane 0 H, lane 1 L, X beside them).
 * The survivors' sum (naturalH, naturalReg) is taken in H3's loop, which reads every H and L cell
 * before it moves them; the start-of-year sum in the survival loop.
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

static inline vec sp(f64 x) { return wasm_f64x2_splat(x); }
static inline vec add(vec a, vec b) { return wasm_f64x2_add(a, b); }
static inline vec sub(vec a, vec b) { return wasm_f64x2_sub(a, b); }
static inline vec mul(vec a, vec b) { return wasm_f64x2_mul(a, b); }
static inline f64 l0(vec x) { return wasm_f64x2_extract_lane(x, 0); }
static inline f64 l1(vec x) { return wasm_f64x2_extract_lane(x, 1); }
/* A two-lane sum's value: even ages + odd ages. */
static inline f64 lanes(vec x) { return l0(x) + l1(x); }
/* Ages (a, a + 1) from p, or (age 100, +0) when `last`; their store (age 100 alone). */
static inline vec ld(const f64 *p, int last) { return last ? wasm_v128_load64_zero(p) : wasm_v128_load(p); }
static inline void st(f64 *p, vec x, int last) {
  if (last) wasm_v128_store64_lane(p, x, 0);
  else wasm_v128_store(p, x);
}

/* H3 at urban cell i (its rural twin i + 202) of every status; sums survivors, gains, migrants. */
static inline void migrate(f64 *restrict W, int i, vec mRU, vec mUR, vec c, vec gain, vec *survH, vec *survL, vec *rec, vec *mig, int last) {
  const vec qUH = ld(W + HC + i, last), qRH = ld(W + HC + 202 + i, last);
  const vec qUL = ld(W + LC + i, last), qRL = ld(W + LC + 202 + i, last);
  const vec qUX = ld(W + XC + i, last), qRX = ld(W + XC + 202 + i, last);
  *survH = add(*survH, add(qUH, qRH));
  *survL = add(*survL, add(qUL, qRL));
  const vec ruH = mul(qRH, mRU), urH = mul(qUH, mUR);
  const vec r1H = add(sub(qRH, ruH), urH), clH = mul(r1H, c);
  st(W + HC + 202 + i, sub(r1H, clH), last);
  const vec uH = add(sub(add(qUH, ruH), urH), clH);
  const vec ruL = mul(qRL, mRU), urL = mul(qUL, mUR);
  const vec r1L = add(sub(qRL, ruL), urL), clL = mul(r1L, c);
  st(W + LC + 202 + i, sub(r1L, clL), last);
  const vec uL = add(sub(add(qUL, ruL), urL), clL);
  const vec gained = mul(clL, gain);
  const vec wL = sub(uL, gained);
  st(W + HC + i, add(uH, gained), last);
  st(W + LC + i, wL, last);
  *rec = add(*rec, gained);
  const vec ruX = mul(qRX, mRU), urX = mul(qUX, mUR);
  const vec r1X = add(sub(qRX, ruX), urX), clX = mul(r1X, c);
  st(W + XC + 202 + i, sub(r1X, clX), last);
  const vec wX = add(sub(add(qUX, ruX), urX), clX);
  st(W + XC + i, wX, last);
  *mig = add(*mig, add(wL, wX));
}

/* H4 at urban cell i. */
static inline void citizenise(f64 *restrict W, int i, vec kappa, vec *cit, vec *nonLocal, int last) {
  const vec L = ld(W + LC + i, last), X = ld(W + XC + i, last);
  const vec cL = mul(L, kappa), cX = mul(X, kappa), cLX = add(cL, cX);
  st(W + HC + i, add(ld(W + HC + i, last), cLX), last);
  st(W + LC + i, sub(L, cL), last);
  st(W + XC + i, sub(X, cX), last);
  *cit = add(*cit, cLX);
  *nonLocal = add(*nonLocal, cX);
}

/* H5 at cell i (age a), net arrivals at f = g e(a) > 0 or net leavers (f < 0). */
static inline void arrive(f64 *restrict W, int i, vec f, vec stay, vec fH, vec *returned, int last) {
  const vec H = ld(W + HC + i, last), L = ld(W + LC + i, last), X = ld(W + XC + i, last);
  const vec A = mul(f, add(add(H, L), X));
  const vec back = mul(stay, A);
  st(W + XC + i, add(X, sub(A, back)), last);
  const vec backH = mul(back, fH);
  st(W + HC + i, add(H, backH), last);
  st(W + LC + i, add(L, sub(back, backH)), last);
  *returned = add(*returned, back);
}
static inline void leave(f64 *restrict W, int i, vec f, vec *left, vec *leftH, int last) {
  const vec H = ld(W + HC + i, last), L = ld(W + LC + i, last), X = ld(W + XC + i, last);
  const vec nf = wasm_f64x2_neg(f);
  const vec lH = mul(nf, H), lL = mul(nf, L);
  st(W + HC + i, sub(H, lH), last);
  st(W + LC + i, sub(L, lL), last);
  st(W + XC + i, add(X, mul(f, X)), last);
  *left = add(*left, add(lH, lL));
  *leftH = add(*leftH, lH);
}

/* The new state Z = W at urban cell i and its rural twin, and the totals' sums. */
static inline void settle(f64 *restrict Z, const f64 *restrict W, int i, vec *tH, vec *tL, vec *tX, vec *tM, int last) {
  const vec hU = ld(W + HC + i, last), hR = ld(W + HC + 202 + i, last);
  const vec lU = ld(W + LC + i, last), lR = ld(W + LC + 202 + i, last);
  const vec xU = ld(W + XC + i, last), xR = ld(W + XC + 202 + i, last);
  st(Z + HC + i, hU, last);
  st(Z + HC + 202 + i, hR, last);
  st(Z + LC + i, lU, last);
  st(Z + LC + 202 + i, lR, last);
  st(Z + XC + i, xU, last);
  st(Z + XC + 202 + i, xR, last);
  *tH = add(*tH, add(hU, hR));
  *tL = add(*tL, add(lU, lR));
  *tX = add(*tX, add(xU, xR));
  *tM = add(*tM, add(lU, xU));
}

int hukou_step(f64 *restrict Z, f64 *restrict W, const f64 *restrict S, const f64 *restrict bs, const f64 *restrict h, int hLo, int hHi,
               f64 tfrU, f64 tfrR, f64 srb, f64 rho, const f64 *restrict gRU, f64 ret, const f64 *restrict gUR, f64 c,
               const f64 *restrict e, const f64 *restrict cf, f64 conversion, int conversionIsCount, f64 gain, f64 phi, f64 delta,
               f64 *restrict hf, f64 *restrict info) {
  const vec zero = sp(0);
  const f64 pi = srb / (1 + srb);
  /* H0. The outside stocks change at their own rate. */
  f64 oH = Z[OH] * (1 + delta);
  f64 oL = Z[OL] * (1 + delta);
  /* H1-H2. Survival and ageing of each status block (ages 0..98 here, the open group 99+ below;
     nothing is written to age 0, which the births fill, so the exposure at age 100 reads what
     step.ts reads there), and the start-of-year sums of H and L (X's start and end totals enter
     no output, so they are not summed). */
  vec startH = zero, startL = zero;
  for (int s = 0; s < 2; s++) {
    const int u = s * 101, r = 202 + s * 101;
    for (int a = 0; a <= 100; a += 2) {
      const int last = a == 100;
      const vec hU = ld(Z + HC + u + a, last), hR = ld(Z + HC + r + a, last);
      const vec lU = ld(Z + LC + u + a, last), lR = ld(Z + LC + r + a, last);
      startH = add(startH, add(hU, hR));
      startL = add(startL, add(lU, lR));
      if (last) break;
      const vec sU = wasm_v128_load(S + u + a), sR = wasm_v128_load(S + r + a);
      wasm_v128_store(W + HC + u + a + 1, mul(hU, sU));
      wasm_v128_store(W + HC + r + a + 1, mul(hR, sR));
      wasm_v128_store(W + LC + u + a + 1, mul(lU, sU));
      wasm_v128_store(W + LC + r + a + 1, mul(lR, sR));
      wasm_v128_store(W + XC + u + a + 1, mul(wasm_v128_load(Z + XC + u + a), sU));
      wasm_v128_store(W + XC + r + a + 1, mul(wasm_v128_load(Z + XC + r + a), sR));
    }
  }
  for (int o = 0; o < CELLS; o += 101) {
    const f64 s = S[o + 100];
    for (int z = 0; z < 3 * CELLS; z += CELLS) W[z + o + 100] = (Z[z + o + 99] + Z[z + o + 100]) * s;
  }
  /* Births by the mother's status: exposure (lane 0 H, lane 1 L, X beside them; each a serial sum
     over the fertile ages), then the four age-0 cells of each block. */
  vec xU = zero, xR = zero;
  f64 xUX = 0, xRX = 0;
  for (int a = hLo; a <= hHi; a++) {
    const vec ha = sp(h[a]);
    const vec pU = wasm_v128_load64_lane(Z + LC + a, wasm_v128_load64_zero(Z + a), 1);
    const vec qU = wasm_v128_load64_lane(W + LC + a + 1, wasm_v128_load64_zero(W + a + 1), 1);
    const vec pR = wasm_v128_load64_lane(Z + LC + 202 + a, wasm_v128_load64_zero(Z + 202 + a), 1);
    const vec qR = wasm_v128_load64_lane(W + LC + 203 + a, wasm_v128_load64_zero(W + 203 + a), 1);
    xU = add(xU, mul(ha, add(pU, qU)));
    xR = add(xR, mul(ha, add(pR, qR)));
    xUX += h[a] * (Z[XC + a] + W[XC + a + 1]);
    xRX += h[a] * (Z[XC + 202 + a] + W[XC + 203 + a]);
  }
  const f64 cU = 0.5 * tfrU, cR = 0.5 * tfrR;
  const vec BU = mul(sp(cU), xU), BR = mul(sp(cR), xR);
  const f64 BUX = cU * xUX, BRX = cR * xRX;
  const vec b0 = mul(mul(sp(1 - pi), BU), sp(bs[0])), b1 = mul(mul(sp(pi), BU), sp(bs[1]));
  const vec b2 = mul(mul(sp(1 - pi), BR), sp(bs[2])), b3 = mul(mul(sp(pi), BR), sp(bs[3]));
  W[HC] = l0(b0), W[LC] = l1(b0);
  W[HC + 101] = l0(b1), W[LC + 101] = l1(b1);
  W[HC + 202] = l0(b2), W[LC + 202] = l1(b2);
  W[HC + 303] = l0(b3), W[LC + 303] = l1(b3);
  W[XC] = (1 - pi) * BUX * bs[0];
  W[XC + 101] = pi * BUX * bs[1];
  W[XC + 202] = (1 - pi) * BRX * bs[2];
  W[XC + 303] = pi * BRX * bs[3];
  /* H3. Internal migration and reclassification of every status at the cell's rates; of the
     reclassified with local rural hukou (L), a share gain gains urban hukou (moves to H). The
     survivors of H1-H2 are summed here, before they move. */
  vec survH = zero, survL = zero, rec = zero, mig = zero;
  const vec vc = sp(c), vgain = sp(gain), vrho = sp(rho), vret = sp(ret);
  for (int s = 0; s < 2; s++) {
    for (int a = 0; a < 100; a += 2)
      migrate(W, s * 101 + a, mul(vrho, wasm_v128_load(gRU + a)), mul(vret, wasm_v128_load(gUR + a)), vc, vgain, &survH, &survL, &rec, &mig, 0);
    migrate(W, s * 101 + 100, sp(rho * gRU[100]), sp(ret * gUR[100]), vc, vgain, &survH, &survL, &rec, &mig, 1);
  }
  const f64 naturalH = lanes(survH) - lanes(startH);
  f64 naturalReg = 0;
  naturalReg += naturalH;
  naturalReg += lanes(survL) - lanes(startL);
  const f64 reclassifiedHukou = lanes(rec), migrants = lanes(mig);
  /* H4. Citizenisation of urban residents without local urban hukou, in proportion to their number. */
  const f64 kappa = conversionIsCount ? (conversion == 0 ? 0 : conversion / migrants) : conversion;
  if (!(kappa >= 0 && kappa <= 1)) {
    info[0] = migrants;
    return ERR_CONVERSION;
  }
  vec cit = zero, nonLocal = zero;
  const vec vk = sp(kappa);
  for (int s = 0; s < 2; s++) {
    for (int a = 0; a < 100; a += 2) citizenise(W, s * 101 + a, vk, &cit, &nonLocal, 0);
    citizenise(W, s * 101 + 100, vk, &cit, &nonLocal, 1);
  }
  /* H5. External migration at the cohort step's factors: net arrivals are registered elsewhere
     (share phi) or return from outside (in the outside stocks' hukou mix); net leavers keep their
     status, local ones joining the outside stocks. */
  const f64 fH = oH + oL > 0 ? oH / (oH + oL) : 0;
  vec ret5 = zero, left = zero, leftH = zero;
  const vec stay = sp(1 - phi), vfH = sp(fH);
  for (int area = 0; area < 2; area++) {
    const f64 g = area == 0 ? cf[EXT_GU] : cf[EXT_GR];
    if (g == 0) continue;
    const vec vg = sp(g);
    for (int s = 0; s < 2; s++) {
      const int o = area * 202 + s * 101;
      if (g > 0) {
        for (int a = 0; a < 100; a += 2) arrive(W, o + a, mul(vg, wasm_v128_load(e + a)), stay, vfH, &ret5, 0);
        arrive(W, o + 100, sp(g * e[100]), stay, vfH, &ret5, 1);
      } else {
        for (int a = 0; a < 100; a += 2) leave(W, o + a, mul(vg, wasm_v128_load(e + a)), &left, &leftH, 0);
        leave(W, o + 100, sp(g * e[100]), &left, &leftH, 1);
      }
    }
  }
  const f64 returned = lanes(ret5);
  if (returned > 0) {
    if (!(returned <= (oH + oL) * (1 + 1e-12))) {
      info[0] = returned;
      info[1] = oH + oL;
      return ERR_RETURNS;
    }
    oH -= returned * fH;
    oL -= returned - returned * fH;
  }
  /* The new state, and its totals (hukouTotals in step.ts): H, L, X over all cells (urban cell
     and rural twin first), L + X over the urban ones, each in two lanes. */
  vec tH = zero, tL = zero, tX = zero, tM = zero;
  for (int s = 0; s < 2; s++) {
    for (int a = 0; a < 100; a += 2) settle(Z, W, s * 101 + a, &tH, &tL, &tX, &tM, 0);
    settle(Z, W, s * 101 + 100, &tH, &tL, &tX, &tM, 1);
  }
  const f64 lft = lanes(left), lftH = lanes(leftH);
  Z[OH] = oH + lftH;
  Z[OL] = oL + (lft - lftH);
  hf[CITIZENISED] = lanes(cit);
  hf[CITIZENISED_NON_LOCAL] = lanes(nonLocal);
  hf[RECLASSIFIED_HUKOU] = reclassifiedHukou;
  hf[NATURAL_H] = naturalH;
  hf[NATURAL_REG] = naturalReg;
  hf[TOTAL_H] = lanes(tH);
  hf[TOTAL_L] = lanes(tL);
  hf[TOTAL_X] = lanes(tX);
  hf[TOTAL_MIGRANTS] = lanes(tM);
  return OK;
}
