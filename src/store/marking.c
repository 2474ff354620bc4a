/* marking (store) — the marking models of ASM-2 as data; see marking.h. */
#include "store/marking.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/row.h"

static const char *const part_names[ASSESS_PARTS] = {"formative", "section", "term"};

json_t *marking_model_json(const struct marking_model *m)
{
	json_t *weights = json_object(), *bands = json_array(), *year = json_array();
	for (int p = 0; p < ASSESS_PARTS; p++)
		json_object_set_new(weights, part_names[p], json_integer(m->weights[p]));
	for (size_t i = 0; i < m->nbands; i++)
		json_array_append_new(bands, json_pack("{s:f, s:i}", "from", m->bands[i].from_tenths / 10.0, "mark",
						       m->bands[i].mark));
	for (size_t i = 0; i < m->nyear_weights; i++)
		json_array_append_new(year, json_integer(m->year_weights[i]));
	return json_pack("{s:o, s:b, s:i, s:o, s:o}", "weights", weights, "summative_pooled", m->summative_pooled != 0,
			 "formative_max", m->formative_max, "bands", bands, "year_weights", year);
}

/* An integer field of obj in [lo, hi] into *out; -1 when absent or out of range. */
static int int_in(json_t *obj, const char *key, long lo, long hi, int *out)
{
	json_t *v = json_object_get(obj, key);
	if (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi)
		return -1;
	*out = (int)json_integer_value(v);
	return 0;
}

int marking_model_parse(json_t *def, struct marking_model *out, const char **field)
{
	memset(out, 0, sizeof *out);
	json_t *weights = json_object_get(def, "weights");
	*field = "weights";
	if (!json_is_object(weights))
		return -1;
	for (int p = 0; p < ASSESS_PARTS; p++)
		if (int_in(weights, part_names[p], 0, 100, &out->weights[p]) != 0)
			return -1;
	json_t *pooled = json_object_get(def, "summative_pooled");
	*field = "summative_pooled";
	if (pooled && !json_is_boolean(pooled))
		return -1;
	out->summative_pooled = json_is_true(pooled);
	*field = "formative_max";
	if (int_in(def, "formative_max", 1, 100, &out->formative_max) != 0)
		return -1;
	json_t *bands = json_object_get(def, "bands"), *b;
	size_t i;
	*field = "bands";
	if (!json_is_array(bands) || json_array_size(bands) < 1 || json_array_size(bands) > ASSESS_MAX_BANDS)
		return -1;
	json_array_foreach(bands, i, b) {
		json_t *from = json_object_get(b, "from");
		if (!json_is_number(from) || json_number_value(from) < 0 || json_number_value(from) > 100 ||
		    int_in(b, "mark", 0, 100, &out->bands[i].mark) != 0)
			return -1;
		out->bands[i].from_tenths = (int)floor(json_number_value(from) * 10 + 0.5);
	}
	out->nbands = json_array_size(bands);
	json_t *year = json_object_get(def, "year_weights"), *w;
	*field = "year_weights";
	if (year && !json_is_array(year))
		return -1;
	if (json_array_size(year) > ASSESS_MAX_TERMS)
		return -1;
	json_array_foreach(year, i, w) {
		if (!json_is_integer(w))
			return -1;
		out->year_weights[i] = (int)json_integer_value(w);
	}
	out->nyear_weights = json_array_size(year);
	return assess_model_valid(out, field);
}

static const struct {
	const char *code, *kk, *ru, *en;
} presets[] = {
	{"kz_25_25_50", "ҚБ 25 % + БЖБ 25 % + ТЖБ 50 %", "ФО 25 % + СОР 25 % + СОЧ 50 %",
	 "Formative 25 % + section 25 % + term 50 %"},
	{"kz_50_50", "БЖБ 50 % + ТЖБ 50 %", "СОР 50 % + СОЧ 50 %", "Section 50 % + term 50 %"},
	{"ib_semester", "IB: семестр, ҚБ 50 % + ЖБ 50 %, 1–7 шкаласы",
	 "IB: семестр, формативное 50 % + суммативное 50 %, шкала 1–7",
	 "IB semester: formative 50 % + summative 50 %, 1–7 scale"},
};

int marking_seed(struct db *db)
{
	char now[21];
	db_now_utc(now);
	for (size_t i = 0; i < sizeof presets / sizeof *presets; i++) {
		struct marking_model m;
		if (assess_preset(presets[i].code, &m) != 0)
			return DB_ERROR;
		json_t *def = marking_model_json(&m);
		char *text = json_dumps(def, JSON_COMPACT | JSON_SORT_KEYS);
		json_decref(def);
		int rc = text ? db_run(db, "INSERT INTO marking_models (code, name_kk, name_ru, name_en, definition,"
					   " updated_at) VALUES ($1, $2, $3, $4, $5, $6)", "ssssss", presets[i].code,
				       presets[i].kk, presets[i].ru, presets[i].en, text, now)
			      : DB_ERROR;
		free(text);
		if (rc < 0)
			return rc;
	}
	/* the IB school works in semesters on the IB scale (design.md) */
	int rc = db_run(db, "UPDATE schools SET marking_model = 'ib_semester' WHERE programme = 'ib'", "");
	return rc < 0 ? rc : DB_OK;
}

int marking_for_school(struct db *db, int64_t school_id, struct marking_model *out)
{
	/* the school's own model, else the network's: one statement, as the diary and the
	 * summaries ask for it on every request */
	struct db_stmt *st = db_prepare(db, "SELECT code, definition FROM marking_models WHERE code = COALESCE("
					    "(SELECT marking_model FROM schools WHERE id = $1),"
					    " (SELECT value FROM settings WHERE key = 'marking_model'), 'kz_25_25_50')");
	if (!st)
		return DB_ERROR;
	db_bind_int64(st, 1, school_id);
	int rc = db_step(st);
	if (rc == DB_ROW) {
		const char *field;
		json_t *def = json_loads(db_col_text(st, 1) ? db_col_text(st, 1) : "", 0, NULL);
		rc = def && marking_model_parse(def, out, &field) == 0 ? DB_OK : DB_ERROR;
		snprintf(out->code, sizeof out->code, "%s", db_col_text(st, 0) ? db_col_text(st, 0) : "");
		json_decref(def);
	} else if (rc == DB_DONE) {
		rc = DB_ERROR; /* a school or the setting names a model that is gone */
	}
	db_done(st);
	return rc;
}

static json_t *model_row(struct db_stmt *st)
{
	json_t *m = json_loads(db_col_text(st, 4) ? db_col_text(st, 4) : "{}", 0, NULL);
	if (!m)
		m = json_object();
	json_object_set_new(m, "code", row_text(st, 0));
	json_object_set_new(m, "name", row_names(st, 1));
	json_object_set_new(m, "default", row_bool(st, 5));
	return m;
}

#define MODEL_SELECT "SELECT code, name_kk, name_ru, name_en, definition," \
		     " CASE WHEN code = (SELECT value FROM settings WHERE key = 'marking_model') THEN 1 ELSE 0 END" \
		     " FROM marking_models"

json_t *marking_list(struct db *db)
{
	struct db_stmt *st = db_prepare(db, MODEL_SELECT " ORDER BY code");
	json_t *items = st ? row_collect(st, model_row) : NULL;
	return items ? json_pack("{s:o, s:I, s:n}", "items", items, "total", (json_int_t)json_array_size(items), "next")
		     : NULL;
}

json_t *marking_get(struct db *db, const char *code)
{
	struct db_stmt *st = db_prepare(db, MODEL_SELECT " WHERE code = $1");
	if (!st)
		return NULL;
	db_bind_text(st, 1, code);
	json_t *m = db_step(st) == DB_ROW ? model_row(st) : NULL;
	db_done(st);
	return m;
}

int marking_update(struct db *db, json_t *model, int64_t user_id)
{
	const char *field;
	struct marking_model m;
	if (marking_model_parse(model, &m, &field) != 0)
		return DB_ERROR;
	json_t *def = marking_model_json(&m);
	char *text = json_dumps(def, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(def);
	json_t *name = json_object_get(model, "name");
	char now[21];
	db_now_utc(now);
	int rc = text ? db_run(db, "UPDATE marking_models SET name_kk = $2, name_ru = $3, name_en = $4, definition = $5,"
				   " updated_at = $6, updated_by = NULLIF($7, 0) WHERE code = $1", "ssssssi",
			       json_string_value(json_object_get(model, "code")),
			       json_string_value(json_object_get(name, "kk")), json_string_value(json_object_get(name, "ru")),
			       json_string_value(json_object_get(name, "en")), text, now, user_id)
		      : DB_ERROR;
	free(text);
	return rc < 0 ? rc : DB_OK;
}
