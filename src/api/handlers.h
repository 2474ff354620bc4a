/* handlers — every API handler, by area; the route table (routes.c) points at them. */
#ifndef MEKTEP_API_HANDLERS_H
#define MEKTEP_API_HANDLERS_H

#include <jansson.h>

#include "http/request.h"

/* session.c */
int api_health(struct req *rq);
int api_login(struct req *rq);
int api_logout(struct req *rq);
int api_me(struct req *rq);
int api_me_update(struct req *rq);
/* health_replica.c: adds what health says of a read replica, when there is one. */
void api_health_replica(struct req *rq, json_t *body);

/* org.c */
int api_schools_list(struct req *rq);
int api_school_get(struct req *rq);
int api_school_create(struct req *rq);
int api_school_update(struct req *rq);
int api_years_list(struct req *rq);
int api_year_create(struct req *rq);
int api_year_update(struct req *rq);
int api_classes_list(struct req *rq);
int api_class_get(struct req *rq);
int api_class_create(struct req *rq);
int api_class_update(struct req *rq);
int api_subjects_list(struct req *rq);
int api_subject_get(struct req *rq);
int api_subject_create(struct req *rq);
int api_subject_update(struct req *rq);

/* people.c */
int api_class_students(struct req *rq);
int api_school_students(struct req *rq);
int api_student_get(struct req *rq);
int api_student_create(struct req *rq);
int api_student_update(struct req *rq);
int api_student_representatives(struct req *rq);
int api_student_representative_add(struct req *rq);
int api_student_representative_remove(struct req *rq);
int api_representatives_list(struct req *rq);
int api_representative_get(struct req *rq);
int api_representative_update(struct req *rq);
int api_staff_list(struct req *rq);
int api_staff_get(struct req *rq);
int api_staff_create(struct req *rq);
int api_staff_update(struct req *rq);

/* timetable.c: bells, rooms, timetable versions, the report, dated lessons (TT-1..TT-3) */
int api_bells_get(struct req *rq);
int api_bells_put(struct req *rq);
int api_rooms_list(struct req *rq);
int api_room_create(struct req *rq);
int api_timetables_list(struct req *rq);
int api_timetable_create(struct req *rq);
int api_timetable_get(struct req *rq);
int api_timetable_entries_put(struct req *rq);
int api_timetable_approve(struct req *rq);
int api_timetable_correct(struct req *rq);
int api_timetable_report(struct req *rq);
int api_timetable_lay(struct req *rq);
/* timetable_electives.c: a meeting's room in a draft's elective blocks (TT-4) */
int api_timetable_elective_room(struct req *rq);
/* timetable_jobs.c: the generator's jobs (issue 9) */
int api_timetable_generate(struct req *rq);
int api_timetable_job_get(struct req *rq);
int api_timetable_job_delete(struct req *rq);
int api_class_lessons(struct req *rq);
int api_staff_lessons(struct req *rq);
int api_unavailability_get(struct req *rq);
int api_unavailability_put(struct req *rq);

/* calendar.c */
int api_year_structure_get(struct req *rq);
int api_year_structure_put(struct req *rq);
int api_year_check(struct req *rq);
int api_year_approve(struct req *rq);
int api_calendar_not_fixed(struct req *rq);
int api_holidays_get(struct req *rq);
int api_holiday_fixed_create(struct req *rq);
int api_holiday_fixed_delete(struct req *rq);
int api_holiday_transfer_create(struct req *rq);
int api_holiday_transfer_delete(struct req *rq);
int api_add_working_days(struct req *rq);

/* curriculum.c: the ТОЖ, the ЖОЖ, the group split threshold, groups (CUR-1..CUR-3) */
int api_typical_get(struct req *rq);
int api_typical_put(struct req *rq);
int api_school_curricula(struct req *rq);
int api_school_curriculum_create(struct req *rq);
int api_curriculum_get(struct req *rq);
int api_curriculum_update(struct req *rq);
int api_curriculum_approve(struct req *rq);
int api_split_threshold_get(struct req *rq);
int api_split_threshold_put(struct req *rq);
int api_class_split(struct req *rq);
int api_class_groups(struct req *rq);
int api_group_member_add(struct req *rq);
/* choices.c: high-school choice and the director's order (CUR-4..CUR-7) */
int api_student_choices(struct req *rq);
int api_student_choice_file(struct req *rq);
int api_choice_order_create(struct req *rq);
/* load.c: the teaching load and its report (CUR-9), the КТЖ (CUR-10) */
int api_load_get(struct req *rq);
int api_load_put(struct req *rq);
int api_load_report(struct req *rq);
int api_ktp_get(struct req *rq);
int api_ktp_put(struct req *rq);
int api_ktp_import(struct req *rq);
/* ktp.c: the КТЖ laid over the dated lessons, the plan, a topic moved (CUR-10) */
int api_ktp_lay(struct req *rq);
int api_ktp_plan(struct req *rq);
int api_lesson_topic(struct req *rq);

/* audit.c */
int api_audit_list(struct req *rq);

/* journal.c: one lesson's journal, substitutes, closing terms (JRN-1, JRN-2, ASM-2) */
int api_lesson_journal_get(struct req *rq);
int api_lesson_journal_put(struct req *rq);
int api_lesson_cover_put(struct req *rq);
int api_term_close(struct req *rq);
int api_term_unlock(struct req *rq);
/* journal_reports.c: the grid, the term summary, what is late, the month's report */
int api_class_journal(struct req *rq);
int api_class_journal_summary(struct req *rq);
int api_class_journal_year(struct req *rq);
int api_school_journal_late(struct req *rq);
int api_school_journal_report(struct req *rq);
/* diary.c: a student's week, a teacher's day */
int api_student_diary(struct req *rq);
int api_my_lessons(struct req *rq);
/* marking.c: the marking models (ASM-2) */
int api_marking_models(struct req *rq);
int api_marking_model_put(struct req *rq);

/* movement.c: the movement book (issue 7): applications, their steps, the book, deadlines */
int api_student_application_create(struct req *rq);
int api_application_documents_checked(struct req *rq);
int api_application_decision(struct req *rq);
int api_application_order(struct req *rq);
int api_application_withdraw(struct req *rq);
int api_student_movements(struct req *rq);
/* duties.c: the duties after the order (the copy, EXT-6, EXT-13, EXT-14) and the
 * contingent unit's inbox */
int api_application_duty(struct req *rq);
int api_application_copy_sent(struct req *rq);
int api_contingent_inbox(struct req *rq);
int api_contingent_received(struct req *rq);
/* outbox.c: the e-mail outbox */
int api_outbox_list(struct req *rq);
int api_school_deadlines(struct req *rq);

/* learning_routes.c: individual learning routes, ОЖОМ (issue 8: IR-1..IR-5) */
int api_school_learning_routes(struct req *rq);
int api_school_learning_routes_quarter(struct req *rq);
int api_student_learning_routes(struct req *rq);
int api_student_learning_route_create(struct req *rq);
int api_learning_route_get(struct req *rq);
int api_learning_route_update(struct req *rq);
int api_learning_route_agree(struct req *rq);
int api_learning_route_assess(struct req *rq);
int api_learning_route_conclude(struct req *rq);
/* electives.c, elective_choices.c, elective_sessions.c: elective courses (issue 8) */
int api_school_electives(struct req *rq);
int api_school_elective_create(struct req *rq);
int api_school_electives_late(struct req *rq);
int api_elective_get(struct req *rq);
int api_elective_update(struct req *rq);
int api_elective_programme_get(struct req *rq);
int api_elective_programme_pdf(struct req *rq);
int api_elective_programme_put(struct req *rq);
int api_elective_review_create(struct req *rq);
int api_elective_programme_approve(struct req *rq);
int api_elective_thresholds_get(struct req *rq);
int api_elective_thresholds_put(struct req *rq);
int api_curriculum_electives_get(struct req *rq);
int api_curriculum_electives_put(struct req *rq);
int api_curriculum_daily_bounds_get(struct req *rq);
int api_curriculum_daily_bounds_put(struct req *rq);
int api_student_electives(struct req *rq);
int api_student_elective_choose(struct req *rq);
int api_student_elective_switch(struct req *rq);
int api_elective_choosers(struct req *rq);
int api_elective_groups(struct req *rq);
int api_elective_group_create(struct req *rq);
int api_elective_group_get(struct req *rq);
int api_elective_group_member_add(struct req *rq);
int api_elective_session_save(struct req *rq);
int api_elective_session_get(struct req *rq);
int api_elective_results(struct req *rq);
int api_elective_products(struct req *rq);
int api_elective_product_create(struct req *rq);
/* externship_plan.c: the externship student's consultation schedule (A1 form 3, EXT-13, EXT-15) */
int api_application_plan(struct req *rq);
int api_application_plan_put(struct req *rq);
int api_application_plan_approve(struct req *rq);
int api_plan_row_mark(struct req *rq);
int api_my_externships(struct req *rq);

/* clubs.c, club_journal.c: clubs, үйірме (issue 8) */
int api_school_clubs(struct req *rq);
int api_school_club_create(struct req *rq);
int api_school_clubs_unchecked(struct req *rq);
int api_club_get(struct req *rq);
int api_club_update(struct req *rq);
int api_club_programme_put(struct req *rq);
int api_club_programme_approve(struct req *rq);
int api_club_schedule_put(struct req *rq);
int api_club_schedule_approve(struct req *rq);
int api_club_member_add(struct req *rq);
int api_club_member_update(struct req *rq);
int api_club_member_leave(struct req *rq);
int api_club_sessions(struct req *rq);
int api_club_session_save(struct req *rq);
int api_club_report(struct req *rq);
int api_club_check_create(struct req *rq);
int api_club_results(struct req *rq);
int api_club_result_create(struct req *rq);
int api_club_survey(struct req *rq);
int api_club_survey_answer(struct req *rq);
int api_student_club_survey(struct req *rq);
int api_club_report_pdf(struct req *rq);
int api_student_clubs(struct req *rq);
int api_student_certificates(struct req *rq);
int api_student_certificate_create(struct req *rq);

/* year_end.c: a class's year end (ASM-3, DOC-1) and a student leaving the school */
int api_class_year_end_get(struct req *rq);
int api_class_year_end(struct req *rq);
int api_student_leaving(struct req *rq);

/* movement_docs.c: the movement book's documents as PDF files (issue 7) */
int api_application_form_pdf(struct req *rq);
int api_application_order_pdf(struct req *rq);
int api_application_schedule_pdf(struct req *rq);

/* reports.c: the monthly contingent report */
int api_report_contingent(struct req *rq);

#endif
