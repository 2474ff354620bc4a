/* password — argon2id password hashes through libsodium (never home-made crypto). */
#ifndef MEKTEP_UTIL_PASSWORD_H
#define MEKTEP_UTIL_PASSWORD_H

#define PASSWORD_HASH_MAX 128 /* crypto_pwhash_STRBYTES */
#define PASSWORD_MIN_LENGTH 8

/* Initialises libsodium; call once before anything else here. Returns 0 or -1. */
int password_init(void);
/* Hashes `password` into out (PASSWORD_HASH_MAX bytes). Returns 0, or -1 when out of memory. */
int password_hash(const char *password, char out[PASSWORD_HASH_MAX]);
/* 1 when the password matches the hash, 0 otherwise (constant time). */
int password_verify(const char *hash, const char *password);
/* Spends the time of one verification, so an unknown login answers as slowly as a
 * known one with a wrong password. */
void password_verify_dummy(const char *password);

#endif
