/* cmd_user — `mektep user add`: creates a sign-in from the command line. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "core/roles.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/org.h"
#include "store/people.h"
#include "store/users.h"
#include "util/password.h"

static int user_add(int argc, char **argv)
{
	const char *db_path = NULL, *pg = NULL, *login = NULL, *password = NULL, *role_text = NULL;
	const char *school_code = NULL, *person_text = NULL;
	const struct option_spec specs[] = {
		{"db", "PATH", "the SQLite database file", &db_path},
		{"pg", "CONNINFO", "the PostgreSQL primary instead of --db", &pg},
		{"login", "L", "the sign-in name (1-64 characters)", &login},
		{"password", "P", "the password (at least 8 characters)", &password},
		{"role", "ROLE", "network_admin, contingent_unit, director, deputy_academic, "
				 "deputy_upbringing, timetable_officer, teacher, club_leader, student, parent",
		 &role_text},
		{"school", "CODE", "the school's code (school roles)", &school_code},
		{"person", "ID", "the person's id (teacher, student, parent)", &person_text},
		{NULL, NULL, NULL, NULL},
	};
	int rc = options_parse(argc, argv,
			       "usage: mektep user add (--db PATH | --pg CONNINFO) --login L --password P "
			       "--role ROLE [--school CODE] [--person ID]",
			       specs);
	if (rc)
		return rc == 1 ? 0 : rc;
	if (!login || !password || !role_text) {
		fputs("mektep: user add needs --login, --password and --role\n", stderr);
		return 2;
	}
	if (strlen(login) == 0 || strlen(login) > 64) {
		fputs("mektep: --login must have 1 to 64 characters\n", stderr);
		return 2;
	}
	if (strlen(password) < PASSWORD_MIN_LENGTH) {
		fprintf(stderr, "mektep: --password must have at least %d characters\n", PASSWORD_MIN_LENGTH);
		return 2;
	}
	enum role role = role_from_code(role_text);
	if (!role) {
		fprintf(stderr, "mektep: unknown role '%s'\n", role_text);
		return 2;
	}
	if (role_is_school(role) && !school_code) {
		fprintf(stderr, "mektep: the role %s needs --school CODE\n", role_text);
		return 2;
	}
	if (!role_is_school(role) && school_code) {
		fprintf(stderr, "mektep: the role %s is not tied to a school; drop --school\n", role_text);
		return 2;
	}
	long person_id = 0;
	if (role_needs_person(role) && !person_text) {
		fprintf(stderr, "mektep: the role %s needs --person ID\n", role_text);
		return 2;
	}
	if (person_text && options_int(person_text, "person", 1, 0x7fffffffL, &person_id))
		return 2;
	struct db *db = cli_open_current_db(db_path, pg);
	if (!db)
		return 1;
	int64_t school_id = 0;
	if (school_code && schools_find_code(db, school_code, &school_id) != DB_ROW) {
		fprintf(stderr, "mektep: no school has the code '%s'\n", school_code);
		db_close(db);
		return 1;
	}
	json_t *person = person_id ? persons_get(db, person_id) : NULL;
	if (person_id && !person) {
		fprintf(stderr, "mektep: no person has the id %ld\n", person_id);
		db_close(db);
		return 1;
	}
	json_decref(person);
	char hash[PASSWORD_HASH_MAX];
	if (password_hash(password, hash) != 0) {
		fputs("mektep: cannot hash the password (out of memory?)\n", stderr);
		db_close(db);
		return 1;
	}
	int64_t id = 0;
	json_t *after = json_pack("{s:s, s:s}", "login", login, "role", role_text);
	rc = db_begin_write(db);
	if (rc == DB_OK)
		rc = users_create(db, login, hash, role, school_id, person_id, &id);
	if (rc == DB_OK)
		rc = audit_record(db, 0, school_id, "create", "user", id, NULL, after);
	if (rc == DB_OK)
		rc = db_commit(db);
	json_decref(after);
	if (rc != DB_OK) {
		db_rollback(db);
		if (rc == DB_CONSTRAINT)
			fprintf(stderr, "mektep: the login '%s' is taken\n", login);
		else
			fprintf(stderr, "mektep: cannot create the user: %s\n", db_errmsg(db));
		db_close(db);
		return 1;
	}
	printf("mektep: user %s (%s) created with id %lld\n", login, role_text, (long long)id);
	db_close(db);
	return 0;
}

int cmd_user(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "add") == 0)
		return user_add(argc - 1, argv + 1);
	FILE *out = argc >= 2 && strcmp(argv[1], "--help") == 0 ? stdout : stderr;
	fputs("usage: mektep user add (--db PATH | --pg CONNINFO) --login L --password P --role ROLE "
	      "[--school CODE] [--person ID]\n       mektep user add --help\n", out);
	return out == stdout ? 0 : 2;
}
