/* marking (store) — the marking models of ASM-2 as data (table marking_models of
 * migration 007): seeded with the presets of core/assess.c, read as the model a school
 * uses (its own, else the network's setting "marking_model"), listed and edited by the
 * network office. A model travels as JSON in the API's shape:
 *   {"code", "name": {"kk","ru","en"}, "weights": {"formative","section","term"},
 *    "summative_pooled": bool, "formative_max": n,
 *    "bands": [{"from": percent (one decimal), "mark": n}, …], "year_weights": [n, …]}
 * docs/assessment.md explains each field. */
#ifndef MEKTEP_STORE_MARKING_H
#define MEKTEP_STORE_MARKING_H

#include <jansson.h>
#include <stdint.h>

#include "core/assess.h"
#include "store/db.h"

/* The definition part of the JSON above (no code, no name). */
json_t *marking_model_json(const struct marking_model *m);
/* Reads a definition into *out and checks it (assess_model_valid). 0, or -1 with
 * *field naming the wrong field. */
int marking_model_parse(json_t *def, struct marking_model *out, const char **field);

/* Migration 007's seed: the presets of core/assess.c with their names. */
int marking_seed(struct db *db);
/* The model school_id uses. DB_OK, or a negative rc (DB_ERROR when the stored model
 * does not parse). */
int marking_for_school(struct db *db, int64_t school_id, struct marking_model *out);
/* Every model, as {"items": [model JSON + "default": bool]}. */
json_t *marking_list(struct db *db);
/* One model's JSON, or NULL. */
json_t *marking_get(struct db *db, const char *code);
/* Writes a model's definition and name (the record as marking_get gives it). */
int marking_update(struct db *db, json_t *model, int64_t user_id);

#endif
