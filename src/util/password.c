/* password — argon2id hashing with libsodium's interactive limits. */
#include "util/password.h"

#include <sodium.h>
#include <string.h>

int password_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

int password_hash(const char *password, char out[PASSWORD_HASH_MAX])
{
	return crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
				 crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0 ? 0 : -1;
}

int password_verify(const char *hash, const char *password)
{
	return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

void password_verify_dummy(const char *password)
{
	static char dummy[PASSWORD_HASH_MAX];
	static int ready;
	/* A race here only makes two threads hash the same constant; harmless. */
	if (!ready) {
		char tmp[PASSWORD_HASH_MAX];
		if (password_hash("mektep-dummy-password", tmp) != 0)
			return;
		memcpy(dummy, tmp, sizeof dummy);
		ready = 1;
	}
	(void)password_verify(dummy, password);
}
