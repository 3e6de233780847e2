/*
 * Plain-C stand-in for the few WebAssembly SIMD intrinsics models/cohort/wasm/hukou.c and
 * lifetable.c use, so that the whole-draw yardstick (bench/native/whole.c) compiles those files
 * natively: a v128_t is two doubles and each operation is done lane by lane, the same IEEE-754
 * operations (so the same bits); the bitwise and integer operations act on each lane's 64 bits
 * (a comparison gives all ones or all zeros, as in WebAssembly). The compiler is free to
 * vectorise it for the host. Only for bench/native/.
 */
#ifndef URBCAST_SCALAR_WASM_SIMD128_H
#define URBCAST_SCALAR_WASM_SIMD128_H
typedef struct { double v[2]; } v128_t;
static inline v128_t wasm_f64x2_splat(double x) { v128_t r = {{x, x}}; return r; }
static inline v128_t wasm_f64x2_add(v128_t a, v128_t b) { v128_t r = {{a.v[0] + b.v[0], a.v[1] + b.v[1]}}; return r; }
static inline v128_t wasm_f64x2_sub(v128_t a, v128_t b) { v128_t r = {{a.v[0] - b.v[0], a.v[1] - b.v[1]}}; return r; }
static inline v128_t wasm_f64x2_mul(v128_t a, v128_t b) { v128_t r = {{a.v[0] * b.v[0], a.v[1] * b.v[1]}}; return r; }
#define wasm_f64x2_extract_lane(a, i) ((a).v[(i)])
static inline v128_t wasm_v128_load64_zero(const void *p) { v128_t r = {{*(const double *)p, 0}}; return r; }
#define wasm_v128_load64_lane(p, a, i) ({ v128_t r_ = (a); r_.v[(i)] = *(const double *)(p); r_; })
#define wasm_v128_store64_lane(p, a, i) (*(double *)(p) = (a).v[(i)])
static inline unsigned long long v128_bits_(double x) { union { double f; unsigned long long u; } b = {.f = x}; return b.u; }
static inline double v128_double_(unsigned long long u) { union { double f; unsigned long long u; } b = {.u = u}; return b.f; }
#define V128_LANES_(e0, e1) { v128_t r_ = {{(e0), (e1)}}; return r_; }
#define V128_BITS_(op) { V128_LANES_(v128_double_(v128_bits_(a.v[0]) op v128_bits_(b.v[0])), v128_double_(v128_bits_(a.v[1]) op v128_bits_(b.v[1]))) }
#define V128_MASK_(c) ((c) ? v128_double_(~0ULL) : v128_double_(0))
static inline v128_t wasm_f64x2_make(double x, double y) V128_LANES_(x, y)
static inline v128_t wasm_v128_load(const void *p) V128_LANES_(((const double *)p)[0], ((const double *)p)[1])
static inline void wasm_v128_store(void *p, v128_t a) { ((double *)p)[0] = a.v[0]; ((double *)p)[1] = a.v[1]; }
static inline v128_t wasm_f64x2_div(v128_t a, v128_t b) V128_LANES_(a.v[0] / b.v[0], a.v[1] / b.v[1])
static inline v128_t wasm_f64x2_abs(v128_t a) V128_LANES_(__builtin_fabs(a.v[0]), __builtin_fabs(a.v[1]))
static inline v128_t wasm_f64x2_neg(v128_t a) V128_LANES_(-a.v[0], -a.v[1])
static inline v128_t wasm_f64x2_trunc(v128_t a) V128_LANES_(__builtin_trunc(a.v[0]), __builtin_trunc(a.v[1]))
static inline v128_t wasm_f64x2_gt(v128_t a, v128_t b) V128_LANES_(V128_MASK_(a.v[0] > b.v[0]), V128_MASK_(a.v[1] > b.v[1]))
static inline v128_t wasm_f64x2_ge(v128_t a, v128_t b) V128_LANES_(V128_MASK_(a.v[0] >= b.v[0]), V128_MASK_(a.v[1] >= b.v[1]))
static inline v128_t wasm_f64x2_lt(v128_t a, v128_t b) V128_LANES_(V128_MASK_(a.v[0] < b.v[0]), V128_MASK_(a.v[1] < b.v[1]))
static inline v128_t wasm_f64x2_ne(v128_t a, v128_t b) V128_LANES_(V128_MASK_(a.v[0] != b.v[0]), V128_MASK_(a.v[1] != b.v[1]))
static inline int wasm_i64x2_all_true(v128_t a) { return v128_bits_(a.v[0]) != 0 && v128_bits_(a.v[1]) != 0; }
static inline v128_t wasm_v128_and(v128_t a, v128_t b) V128_BITS_(&)
static inline v128_t wasm_v128_or(v128_t a, v128_t b) V128_BITS_(|)
static inline v128_t wasm_i64x2_add(v128_t a, v128_t b) V128_BITS_(+)
static inline v128_t wasm_i64x2_splat(long long x) { const double d = v128_double_((unsigned long long)x); V128_LANES_(d, d) }
static inline v128_t wasm_i64x2_shl(v128_t a, unsigned n) V128_LANES_(v128_double_(v128_bits_(a.v[0]) << (n & 63)), v128_double_(v128_bits_(a.v[1]) << (n & 63)))
/* (a & mask) | (b & ~mask), lane by lane */
static inline v128_t wasm_v128_bitselect(v128_t a, v128_t b, v128_t mask) {
  unsigned long long m0 = v128_bits_(mask.v[0]), m1 = v128_bits_(mask.v[1]);
  V128_LANES_(v128_double_((v128_bits_(a.v[0]) & m0) | (v128_bits_(b.v[0]) & ~m0)), v128_double_((v128_bits_(a.v[1]) & m1) | (v128_bits_(b.v[1]) & ~m1)))
}
#endif
