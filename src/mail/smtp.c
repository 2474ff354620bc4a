/* smtp — one message through libcurl's SMTP; see smtp.h. */
#include "mail/smtp.h"

#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

struct upload {
	const char *data;
	size_t len, at;
};

static size_t read_chunk(char *to, size_t size, size_t nmemb, void *arg)
{
	struct upload *u = arg;
	size_t room = size * nmemb, left = u->len - u->at;
	size_t n = left < room ? left : room;
	memcpy(to, u->data + u->at, n);
	u->at += n;
	return n;
}

int smtp_send(const struct mail_config *cfg, const char *recipients, const char *data, size_t len, char *err,
	      size_t errsz)
{
	CURL *curl = curl_easy_init();
	if (!curl) {
		snprintf(err, errsz, "libcurl could not start");
		return -1;
	}
	int port = cfg->port ? cfg->port : cfg->tls ? 587 : 25;
	char url[512];
	snprintf(url, sizeof url, "%s://%s:%d", cfg->tls && port == 465 ? "smtps" : "smtp", cfg->host, port);
	struct curl_slist *rcpt = NULL;
	const char *p = recipients;
	while (p && *p) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		char one[320];
		if (n && n < sizeof one) {
			memcpy(one, p, n);
			one[n] = 0;
			rcpt = curl_slist_append(rcpt, one);
		}
		p += n + (comma != NULL);
	}
	char from[320];
	snprintf(from, sizeof from, "<%s>", cfg->from ? cfg->from : "");
	struct upload u = {data, len, 0};
	char curl_err[CURL_ERROR_SIZE] = "";
	curl_easy_setopt(curl, CURLOPT_URL, url);
	curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_chunk);
	curl_easy_setopt(curl, CURLOPT_READDATA, &u);
	curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
	curl_easy_setopt(curl, CURLOPT_USE_SSL, cfg->tls ? (long)CURLUSESSL_ALL : (long)CURLUSESSL_NONE);
	curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, curl_err);
	curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	if (cfg->user && *cfg->user) {
		curl_easy_setopt(curl, CURLOPT_USERNAME, cfg->user);
		curl_easy_setopt(curl, CURLOPT_PASSWORD, cfg->password ? cfg->password : "");
	}
	CURLcode rc = curl_easy_perform(curl);
	long reply = 0;
	curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply);
	if (rc != CURLE_OK) {
		if (reply)
			snprintf(err, errsz, "%s (the server replied %ld)", curl_err[0] ? curl_err : curl_easy_strerror(rc),
				 reply);
		else
			snprintf(err, errsz, "%s", curl_err[0] ? curl_err : curl_easy_strerror(rc));
	}
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(curl);
	return rc == CURLE_OK ? 0 : -1;
}
