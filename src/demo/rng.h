/* rng — the demo generator's own pseudo-random numbers: xoshiro256** seeded through
 * splitmix64, so that one seed gives the same network on every machine (never rand(),
 * never the clock).
 *
 * Invariant: a `struct rng` is plain state; copy it to fork a stream, nothing to
 * free. Not for anything secret: tokens and salts come from libsodium. */
#ifndef MEKTEP_DEMO_RNG_H
#define MEKTEP_DEMO_RNG_H

#include <stdint.h>

struct rng {
	uint64_t s[4]; /* xoshiro256** state, never all zero after rng_seed() */
};

/* Seeds the generator: the four state words are four splitmix64 outputs of `seed`. */
static inline void rng_seed(struct rng *r, uint64_t seed)
{
	for (int i = 0; i < 4; i++) {
		uint64_t z = (seed += 0x9E3779B97F4A7C15u);
		z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
		z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
		r->s[i] = z ^ (z >> 31);
	}
}

static inline uint64_t rng_rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

/* The next 64 random bits (xoshiro256**). */
static inline uint64_t rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rng_rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rng_rotl(s[3], 45);
	return result;
}

/* A uniform number in 0..n-1; n must be at least 1. (Rejection keeps it unbiased.) */
static inline uint32_t rng_below(struct rng *r, uint32_t n)
{
	uint64_t limit = UINT64_MAX - UINT64_MAX % n;
	uint64_t x;
	do
		x = rng_next(r);
	while (x >= limit);
	return (uint32_t)(x % n);
}

/* A uniform number in lo..hi, both included; lo <= hi. */
static inline int rng_range(struct rng *r, int lo, int hi)
{
	return lo + (int)rng_below(r, (uint32_t)(hi - lo + 1));
}

/* 1 with probability permille / 1000, else 0. */
static inline int rng_chance(struct rng *r, int permille)
{
	return (int)rng_below(r, 1000) < permille;
}

#endif
