/*
 * Plain-C stand-in for the few WebAssembly SIMD intrinsics models/cohort/wasm/hukou.c uses, so
 * that the whole-draw yardstick (bench/native/whole.c) compiles that file natively: a v128_t is
 * two doubles and each operation is done lane by lane, the same IEEE-754 operations (so the same
 * bits); the compiler is free to vectorise it for the host. Only for bench/native/.
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
#endif
