/*
 * Philox4x32-10 uniforms for WebAssembly: the same numbers as `uniform` in src/random/philox.ts
 * (Salmon et al. 2011), with the 32 × 32 → 64-bit products done in one 64-bit multiply instead
 * of JavaScript's exact double-and-imul reconstruction. Integer arithmetic throughout, and the
 * final conversion to a double does the same IEEE operations in the same order as philox.ts, so
 * the same bits.
 *
 * philox_uniforms(seed0, seed1, draw0, draw1, stream, n, out): out[j] = uniform(seed, draw,
 * stream[j], 0) for j < n, with seed = seed1·2³² + seed0 and draw = draw1·2³² + draw0. `stream`
 * (n 32-bit ids) and `out` (n doubles) are byte offsets into the module's memory. Successive
 * streams' rounds are independent: the processor overlaps their multiplies.
 */
typedef unsigned int u32;
typedef unsigned long long u64;

#define M0 0xd2511f53u
#define M1 0xcd9e8d57u
#define W0 0x9e3779b9u
#define W1 0xbb67ae85u

static inline double to_unit(u32 a0, u32 a1) {
  /* ((a0 >>> 5) * 2^26 + (a1 >>> 6) + 0.5) / 2^53, as philox.ts computes it */
  return ((double)(a0 >> 5) * 67108864.0 + (double)(a1 >> 6) + 0.5) / 9007199254740992.0;
}

/* One stream's uniform: ten rounds on the counter (draw0, draw1, stream, 0) with key (seed0, seed1). */
static inline double philox1(u32 seed0, u32 seed1, u32 draw0, u32 draw1, u32 stream) {
  u32 c0 = draw0, c1 = draw1, c2 = stream, c3 = 0;
  u32 k0 = seed0, k1 = seed1;
  for (int r = 0; r < 10; r++) {
    const u64 p0 = (u64)M0 * c0;
    const u64 p1 = (u64)M1 * c2;
    c0 = (u32)(p1 >> 32) ^ c1 ^ k0;
    c1 = (u32)p1;
    c2 = (u32)(p0 >> 32) ^ c3 ^ k1;
    c3 = (u32)p0;
    k0 += W0;
    k1 += W1;
  }
  return to_unit(c0, c1);
}

void philox_uniforms(u32 seed0, u32 seed1, u32 draw0, u32 draw1, const u32 *stream, int n, double *out) {
  for (int j = 0; j < n; j++) out[j] = philox1(seed0, seed1, draw0, draw1, stream[j]);
}
