/*
 * Native yardstick: one cohort-component step (MODEL.md v1, steps 1-5) in plain C, the same
 * accounting and state layout as models/cohort/kernel.ts, timed on the inputs that bench/run.mjs
 * writes (the Heze scenario's compiled schedules at the median inputs). Not part of the engine.
 *
 * Build: cc -O3 -o bench/native/build/cohort bench/native/cohort.c -lm
 * Run:   bench/native/build/cohort INPUTS.txt REPS
 * Like the engine's kernel it also accumulates and writes the step's fifteen slots (births, deaths,
 * internal and external migration, start- and end-of-year totals, the external spread factors).
 * With COHORT_STEP_ONLY defined it is only the step (bench/native/whole.c includes it).
 * Prints one JSON line: {"cellSteps":…, "seconds":…, "cellStepsPerSecond":…, "final":[404 numbers]}.
 *
 * Inputs file (whitespace-separated numbers): H; baseline[404]; then per step t = 0…H-1:
 * survival[404], birthSurvival[4], tfrU, tfrR, srb, rho, ret, c, extU, extR; then h[101], hLo,
 * hHi, gRU[101], gUR[101], e[101], eMax, extUIsCount, extRIsCount.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define CELLS 404
#define UF 0
#define UM 101
#define RF 202
#define RM 303

typedef struct {
  double survival[CELLS], bs[4];
  double tfrU, tfrR, srb, rho, ret, c, extU, extR;
} Step;

static double h[101], gRU[101], gUR[101], e[101], eMax;
static int hLo, hHi, extUIsCount, extRIsCount;

static double rd(FILE *f) {
  double x;
  if (fscanf(f, "%lf", &x) != 1) { fprintf(stderr, "cohort: short inputs file\n"); exit(2); }
  return x;
}

/* Reads h[101], hLo, hHi, gRU[101], gUR[101], e[101], eMax, extUIsCount, extRIsCount. */
static void read_schedules(FILE *f) {
  for (int a = 0; a < 101; a++) h[a] = rd(f);
  hLo = (int)rd(f); hHi = (int)rd(f);
  for (int a = 0; a < 101; a++) gRU[a] = rd(f);
  for (int a = 0; a < 101; a++) gUR[a] = rd(f);
  for (int a = 0; a < 101; a++) e[a] = rd(f);
  eMax = rd(f); extUIsCount = (int)rd(f); extRIsCount = (int)rd(f);
}

/* Returns 0, or -1 when net emigration exceeds a cell (the engine's DrawError). */
static int step(double *restrict P, double *restrict Q, const Step *restrict k, double *restrict flows) {
  const double *S = k->survival;
  double startU = 0, startR = 0;
  for (int b = 0; b < 4; b++) {
    int o = b * 101;
    double sum = 0;
    for (int a = 0; a < 99; a++) { double p = P[o + a]; Q[o + a + 1] = p * S[o + a]; sum += p; }
    double top = P[o + 99] + P[o + 100];
    Q[o + 100] = top * S[o + 100];
    sum += top;
    if (b < 2) startU += sum; else startR += sum;
  }
  double xU = 0, xR = 0;
  for (int a = hLo; a <= hHi; a++) {
    xU += h[a] * (P[UF + a] + Q[UF + a + 1]);
    xR += h[a] * (P[RF + a] + Q[RF + a + 1]);
  }
  double BU = 0.5 * k->tfrU * xU, BR = 0.5 * k->tfrR * xR;
  double pi = k->srb / (1 + k->srb);
  Q[UF] = (1 - pi) * BU * k->bs[0];
  Q[UM] = pi * BU * k->bs[1];
  Q[RF] = (1 - pi) * BR * k->bs[2];
  Q[RM] = pi * BR * k->bs[3];
  double survU = 0, survR = 0, fRU = 0, fUR = 0, fC = 0, wU = 0, wR = 0;
  for (int s = 0; s < 2; s++) {
    int oU = s * 101, oR = 202 + s * 101;
    for (int a = 0; a < 101; a++) {
      double qU = Q[oU + a], qR = Q[oR + a];
      survU += qU;
      survR += qR;
      double ru = qR * (k->rho * gRU[a]);
      double ur = qU * (k->ret * gUR[a]);
      double r1 = qR - ru + ur;
      double cl = r1 * k->c;
      double r2 = r1 - cl;
      double u2 = qU + ru - ur + cl;
      Q[oR + a] = r2;
      Q[oU + a] = u2;
      fRU += ru;
      fUR += ur;
      fC += cl;
      wU += e[a] * u2;
      wR += e[a] * r2;
    }
  }
  double NU = extUIsCount ? k->extU : k->extU * startU;
  double NR = extRIsCount ? k->extR : k->extR * startR;
  double gU = NU == 0 ? 0 : NU / wU, gR = NR == 0 ? 0 : NR / wR;
  if (gU * eMax < -1 || gR * eMax < -1) return -1;
  double endU = 0, endR = 0;
  for (int s = 0; s < 2; s++) {
    int oU = s * 101, oR = 202 + s * 101;
    for (int a = 0; a < 101; a++) {
      double qU = Q[oU + a], qR = Q[oR + a];
      double pU = qU + gU * e[a] * qU, pR = qR + gR * e[a] * qR;
      P[oU + a] = pU;
      P[oR + a] = pR;
      endU += pU;
      endR += pR;
    }
  }
  flows[0] = BU; flows[1] = BR; flows[2] = startU + BU - survU; flows[3] = startR + BR - survR;
  flows[4] = fRU; flows[5] = fUR; flows[6] = fC; flows[7] = NU; flows[8] = NR;
  flows[9] = startU; flows[10] = startR; flows[11] = endU; flows[12] = endR;
  flows[13] = gU; flows[14] = gR;
  return 0;
}

#ifndef COHORT_STEP_ONLY

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: cohort INPUTS.txt REPS\n"); return 2; }
  FILE *f = fopen(argv[1], "r");
  if (!f) { perror(argv[1]); return 2; }
  long reps = atol(argv[2]);
  int H = (int)rd(f);
  static double base[CELLS], P[CELLS], Q[CELLS];
  for (int i = 0; i < CELLS; i++) base[i] = rd(f);
  Step *steps = malloc(sizeof(Step) * H);
  for (int t = 0; t < H; t++) {
    Step *k = &steps[t];
    for (int i = 0; i < CELLS; i++) k->survival[i] = rd(f);
    for (int i = 0; i < 4; i++) k->bs[i] = rd(f);
    k->tfrU = rd(f); k->tfrR = rd(f); k->srb = rd(f); k->rho = rd(f);
    k->ret = rd(f); k->c = rd(f); k->extU = rd(f); k->extR = rd(f);
  }
  read_schedules(f);
  fclose(f);
  struct timespec t0, t1;
  double sink = 0, flows[15];
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (long r = 0; r < reps; r++) {
    for (int i = 0; i < CELLS; i++) P[i] = base[i];
    for (int t = 0; t < H; t++) if (step(P, Q, &steps[t], flows)) { fprintf(stderr, "cohort: emigration exceeds a cell\n"); return 1; }
    sink += P[r % CELLS] + flows[r % 13];
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double secs = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
  double cells = (double)reps * H * CELLS;
  printf("{\"cellSteps\":%.0f,\"seconds\":%.9f,\"cellStepsPerSecond\":%.6e,\"sink\":%.17g,\"final\":[", cells, secs, cells / secs, sink);
  for (int i = 0; i < CELLS; i++) printf("%s%.17g", i ? "," : "", P[i]);
  printf("]}\n");
  return 0;
}
#endif
