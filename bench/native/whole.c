/*
 * Native yardstick of a whole cohort + hukou draw: what models/cohort/runner.ts does for one draw
 * (life tables solved from e0 for each block and year, the resident step, the hukou accounts'
 * baseline split and step, every metric), in plain C, timed on the inputs bench/run.mjs writes
 * (a scenario's compiled data and the median draw's parameter paths). The parts are the engine's
 * own C where it has one, compiled natively: the life tables from models/cohort/wasm/lifetable.c
 * (its plain-C branch, with fdlibm's exp), the hukou step from models/cohort/wasm/hukou.c with
 * bench/native/scalar/wasm_simd128.h standing in for the SIMD intrinsics (lane by lane), the
 * resident step from bench/native/cohort.c; the baseline split and the metrics are written here
 * after models/cohort/hukou/accounts.ts and models/shared/urban-rural.ts. Same operations in the
 * same order as the engine, so the same bits: bench/run.mjs compares the metrics with the
 * engine's. Not part of the engine.
 *
 * Build: cc -O3 -std=gnu11 -ffp-contract=off -I bench/native/scalar -o bench/native/build/whole bench/native/whole.c
 * Run:   bench/native/build/whole INPUTS.txt REPS
 * Prints one JSON line: {"draws":…, "seconds":…, "drawsPerSecond":…, "out":[metrics × years]}.
 *
 * Inputs file (whitespace-separated numbers): H, P (parameters), hukou (0/1), conversionIsCount;
 * baseline[404]; paths[P × H] (runner.ts's layout [p * H + t]); h[101], hLo, hHi, gRU[101],
 * gUR[101], e[101], eMax, extUIsCount, extRIsCount; mxStd[202]; the e0 grid: theta0, step, n,
 * e0F[n], e0M[n].
 */
#define COHORT_STEP_ONLY
#include "cohort.c"
#undef CELLS
#undef UF
#undef UM
#undef RF
#undef RM
#include "../../models/cohort/wasm/hukou.c"
#include "../../models/cohort/wasm/lifetable.c"

/* Parameter indices (models/cohort/runner.ts, hukou/params.ts: the hukou block's start at 12). */
enum { TFR_U, TFR_R, E0, SRB = 6, RHO, RET, RECL, EXT_U, EXT_R, HK0 };
enum { HK_REG, HK_SHARE, HK_NONLOCAL, HK_CONV, HK_GAIN, HK_PHI, HK_DELTA };
/* Metrics: the shared 17 (urban-rural.ts), then the hukou 13 (accounts.ts). */
enum { M_TOTAL, M_URBAN, M_RURAL, M_SHARE, M_FLOW0, M_CONTRIB0 = 13, M_REG = 17, METRICS_HUKOU = 30 };

static void record_baseline(double *out, int T1, double U, double R) {
  out[M_TOTAL * T1] = U + R;
  out[M_URBAN * T1] = U;
  out[M_RURAL * T1] = R;
  out[M_SHARE * T1] = U / (U + R);
  for (int m = M_FLOW0; m < M_CONTRIB0 + 4; m++) out[m * T1] = 0;
}

static void record_step(double *out, int T1, int j, double U, double R, double U1, double R1, const double *flows) {
  const double T = U1 + R1;
  const double u0 = U / (U + R);
  out[M_TOTAL * T1 + j] = T;
  out[M_URBAN * T1 + j] = U1;
  out[M_RURAL * T1 + j] = R1;
  out[M_SHARE * T1 + j] = U1 / T;
  for (int f = 0; f < 9; f++) out[(M_FLOW0 + f) * T1 + j] = flows[f];
  const double natU = flows[0] - flows[2], natR = flows[1] - flows[3], NU = flows[7], NR = flows[8];
  out[M_CONTRIB0 * T1 + j] = (natU - u0 * (natU + natR)) / T;
  out[(M_CONTRIB0 + 1) * T1 + j] = (flows[4] - flows[5]) / T;
  out[(M_CONTRIB0 + 2) * T1 + j] = flows[6] / T;
  out[(M_CONTRIB0 + 3) * T1 + j] = (NU - u0 * (NU + NR)) / T;
}

/* splitBaseline (accounts.ts) without its error checks (the median draw passes them). */
static void split_baseline(const double *P, double *Z, double registered, double hukouShare, double nonLocal) {
  double U = 0, R = 0;
  for (int i = 0; i < 202; i++) U += P[i];
  for (int i = 202; i < CELLS; i++) R += P[i];
  const double localResidents = U + R - nonLocal;
  const double gap = registered - localResidents;
  const double outside = gap < 0 && gap > -1e-9 * registered ? 0 : gap;
  const double Hres = hukouShare * localResidents;
  const double fH = U > 0 ? Hres / U : 0, fX = U > 0 ? nonLocal / U : 0;
  for (int i = 0; i < 202; i++) {
    Z[HC + i] = fH * P[i];
    Z[XC + i] = fX * P[i];
    const double l = P[i] - Z[HC + i] - Z[XC + i];
    Z[LC + i] = l > 0 ? l : 0; /* Math.max(0, l) for l not NaN */
  }
  for (int i = 202; i < CELLS; i++) {
    Z[HC + i] = 0;
    Z[XC + i] = 0;
    Z[LC + i] = P[i];
  }
  Z[OH] = hukouShare * outside;
  Z[OL] = outside - Z[OH];
}

/* hukouTotals (step.ts): two lanes (even, odd ages), sex by sex, age by age, urban cell + rural twin. */
static void hukou_totals(const double *Z, double *hf) {
  double H[2] = {0, 0}, L[2] = {0, 0}, X[2] = {0, 0}, mig[2] = {0, 0};
  for (int s = 0; s < 2; s++) {
    for (int a = 0; a < 101; a++) {
      const int l = a & 1, i = s * 101 + a;
      H[l] += Z[HC + i] + Z[HC + i + 202];
      L[l] += Z[LC + i] + Z[LC + i + 202];
      X[l] += Z[XC + i] + Z[XC + i + 202];
      mig[l] += Z[LC + i] + Z[XC + i];
    }
  }
  hf[TOTAL_H] = H[0] + H[1];
  hf[TOTAL_L] = L[0] + L[1];
  hf[TOTAL_X] = X[0] + X[1];
  hf[TOTAL_MIGRANTS] = mig[0] + mig[1];
}

static void record_hukou(double *out, int T1, int j, const double *Z, const double *hf) {
  const double H = hf[TOTAL_H], L = hf[TOTAL_L], X = hf[TOTAL_X], mig = hf[TOTAL_MIGRANTS];
  const double reg = H + L + Z[OH] + Z[OL];
  const double hu = H + Z[OH];
  const double share = hu / reg;
  out[M_REG * T1 + j] = reg;
  out[(M_REG + 1) * T1 + j] = hu;
  out[(M_REG + 2) * T1 + j] = share;
  out[(M_REG + 3) * T1 + j] = out[M_SHARE * T1 + j] - share;
  out[(M_REG + 4) * T1 + j] = mig;
  out[(M_REG + 5) * T1 + j] = X;
  out[(M_REG + 6) * T1 + j] = Z[OH] + Z[OL];
  out[(M_REG + 7) * T1 + j] = Z[OH];
  out[(M_REG + 8) * T1 + j] = hf[CITIZENISED];
  out[(M_REG + 9) * T1 + j] = hf[CITIZENISED_NON_LOCAL];
  out[(M_REG + 10) * T1 + j] = hf[RECLASSIFIED_HUKOU];
  out[(M_REG + 11) * T1 + j] = hf[NATURAL_H];
  out[(M_REG + 12) * T1 + j] = hf[NATURAL_REG];
}

static int H, NP, hukou, conversionIsCount, gridN;
static double base[CELLS], *paths, stdmx[2 * AGES], *grids, theta0, gstep;

/* One draw (runner.ts's run): returns 0, or -1 when a step fails. */
static int draw(double *out) {
  static double P[CELLS], Q[CELLS], flows[15], Z[1214], W[1214], hf[9], info[2], L[2 * AGES], e0[4], last[4];
  static Step k;
  const int T1 = H + 1;
  const double *at = paths;
  for (int i = 0; i < CELLS; i++) P[i] = base[i];
  for (int b = 0; b < 4; b++) last[b] = __builtin_nan("");
  double U = 0, R = 0;
  for (int i = 0; i < 202; i++) U += P[i];
  for (int i = 202; i < CELLS; i++) R += P[i];
  record_baseline(out, T1, U, R);
  if (hukou) {
    split_baseline(P, Z, at[(HK0 + HK_REG) * H], at[(HK0 + HK_SHARE) * H], at[(HK0 + HK_NONLOCAL) * H]);
    for (int i = 0; i < 9; i++) hf[i] = 0;
    hukou_totals(Z, hf);
    record_hukou(out, T1, 0, Z, hf);
  }
  for (int t = 0; t < H; t++) {
    for (int b = 0; b < 4; b++) e0[b] = at[(E0 + b) * H + t];
    life_tables(e0, last, stdmx, grids, gridN, theta0, gstep, 1e-10, L, k.survival, k.bs);
    k.tfrU = at[TFR_U * H + t];
    k.tfrR = at[TFR_R * H + t];
    k.srb = at[SRB * H + t];
    k.rho = at[RHO * H + t];
    k.ret = at[RET * H + t];
    k.c = at[RECL * H + t];
    k.extU = at[EXT_U * H + t];
    k.extR = at[EXT_R * H + t];
    if (step(P, Q, &k, flows)) return -1;
    const double U1 = flows[11], R1 = flows[12];
    record_step(out, T1, t + 1, U, R, U1, R1, flows);
    if (hukou) {
      const int code = hukou_step(Z, W, k.survival, k.bs, h, hLo, hHi, k.tfrU, k.tfrR, k.srb, k.rho, gRU, k.ret, gUR, k.c, e, flows,
                                  at[(HK0 + HK_CONV) * H + t], conversionIsCount, at[(HK0 + HK_GAIN) * H + t], at[(HK0 + HK_PHI) * H + t],
                                  at[(HK0 + HK_DELTA) * H + t], hf, info);
      if (code) return -1;
      record_hukou(out, T1, t + 1, Z, hf);
    }
    U = U1;
    R = R1;
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: whole INPUTS.txt REPS\n"); return 2; }
  FILE *f = fopen(argv[1], "r");
  if (!f) { perror(argv[1]); return 2; }
  const long reps = atol(argv[2]);
  H = (int)rd(f);
  NP = (int)rd(f);
  hukou = (int)rd(f);
  conversionIsCount = (int)rd(f);
  for (int i = 0; i < CELLS; i++) base[i] = rd(f);
  paths = malloc(sizeof(double) * NP * H);
  for (int i = 0; i < NP * H; i++) paths[i] = rd(f);
  read_schedules(f);
  for (int i = 0; i < 2 * AGES; i++) stdmx[i] = rd(f);
  theta0 = rd(f); gstep = rd(f); gridN = (int)rd(f);
  grids = malloc(sizeof(double) * 2 * gridN);
  for (int i = 0; i < 2 * gridN; i++) grids[i] = rd(f);
  fclose(f);
  const int metrics = hukou ? METRICS_HUKOU : M_REG;
  double *out = calloc((size_t)metrics * (H + 1), sizeof(double));
  struct timespec t0, t1;
  double sink = 0;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (long r = 0; r < reps; r++) {
    if (draw(out)) { fprintf(stderr, "whole: the draw failed\n"); return 1; }
    sink += out[r % (metrics * (H + 1))];
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  const double secs = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
  printf("{\"draws\":%ld,\"seconds\":%.9f,\"drawsPerSecond\":%.6e,\"sink\":%.17g,\"out\":[", reps, secs, reps / secs, sink);
  for (int i = 0; i < metrics * (H + 1); i++) printf("%s%.17g", i ? "," : "", out[i]);
  printf("]}\n");
  return 0;
}
