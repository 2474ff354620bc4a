/* routes — the API's route table: method, path, handler, the roles allowed and what
 * the route takes. docs/openapi.yaml lists the same routes; a test compares them. */
#include "api/handlers.h"
#include "http/router.h"

#define ANY ROLES_ALL
#define STAFF_AND_NETWORK (ROLES_NETWORK | ROLES_SCHOOL_STAFF)
#define TIMETABLE_WRITERS (ROLE_NETWORK_ADMIN | ROLES_SCHOOL_ADMIN | ROLE_TIMETABLE_OFFICER)

const struct route api_routes[] = {
	{"GET", "/api/v1/health", api_health, ANY, ROUTE_PUBLIC},
	{"POST", "/api/v1/auth/login", api_login, ANY, ROUTE_PUBLIC | ROUTE_JSON},
	{"POST", "/api/v1/auth/logout", api_logout, ANY, 0},
	{"GET", "/api/v1/me", api_me, ANY, 0},
	{"PATCH", "/api/v1/me", api_me_update, ANY, ROUTE_JSON},

	/* The network's schools with their figures: an overview that may lag a moment. */
	{"GET", "/api/v1/schools", api_schools_list, STAFF_AND_NETWORK, ROUTE_REPLICA},
	{"POST", "/api/v1/schools", api_school_create, ROLE_NETWORK_ADMIN, ROUTE_JSON},
	{"GET", "/api/v1/schools/{id}", api_school_get, STAFF_AND_NETWORK, 0},
	{"PATCH", "/api/v1/schools/{id}", api_school_update, ROLE_NETWORK_ADMIN, ROUTE_JSON},
	{"GET", "/api/v1/schools/{id}/academic-years", api_years_list, STAFF_AND_NETWORK | ROLE_PARENT, 0},
	{"POST", "/api/v1/schools/{id}/academic-years", api_year_create, ROLE_NETWORK_ADMIN | ROLES_SCHOOL_ADMIN, ROUTE_JSON},
	{"PATCH", "/api/v1/academic-years/{id}", api_year_update, ROLE_NETWORK_ADMIN | ROLES_SCHOOL_ADMIN, ROUTE_JSON},
	{"GET", "/api/v1/academic-years/{id}/structure", api_year_structure_get, STAFF_AND_NETWORK, 0},
	{"PUT", "/api/v1/academic-years/{id}/structure", api_year_structure_put, ROLE_NETWORK_ADMIN | ROLES_SCHOOL_ADMIN, ROUTE_JSON},
	{"GET", "/api/v1/academic-years/{id}/check", api_year_check, STAFF_AND_NETWORK, 0},
	{"POST", "/api/v1/academic-years/{id}/approve", api_year_approve, ROLE_DIRECTOR, 0},
	{"GET", "/api/v1/schools/{id}/classes", api_classes_list, STAFF_AND_NETWORK, 0},
	{"POST", "/api/v1/schools/{id}/classes", api_class_create, ROLE_NETWORK_ADMIN | ROLES_SCHOOL_ADMIN, ROUTE_JSON},
	{"GET", "/api/v1/schools/{id}/students", api_school_students, STAFF_AND_NETWORK, 0},
	{"GET", "/api/v1/schools/{id}/staff", api_staff_list, STAFF_AND_NETWORK, 0},
	{"POST", "/api/v1/schools/{id}/staff", api_staff_create, ROLE_NETWORK_ADMIN | ROLES_SCHOOL_ADMIN, ROUTE_JSON},

	{"GET", "/api/v1/classes/{id}", api_class_get, STAFF_AND_NETWORK, 0},
	{"PATCH", "/api/v1/classes/{id}", api_class_update, ROLE_NETWORK_ADMIN | ROLES_SCHOOL_ADMIN, ROUTE_JSON},
	{"GET", "/api/v1/classes/{id}/students", api_class_students, STAFF_AND_NETWORK, 0},

	{"POST", "/api/v1/students", api_student_create, ROLE_NETWORK_ADMIN | ROLES_SCHOOL_ADMIN, ROUTE_JSON},
	{"GET", "/api/v1/students/{id}", api_student_get, ANY, 0},
	{"PATCH", "/api/v1/students/{id}", api_student_update, ROLE_NETWORK_ADMIN | ROLES_SCHOOL_ADMIN, ROUTE_JSON},
	{"GET", "/api/v1/students/{id}/representatives", api_student_representatives, ANY, 0},
	{"POST", "/api/v1/students/{id}/representatives", api_student_representative_add, ROLE_NETWORK_ADMIN | ROLES_SCHOOL_ADMIN, ROUTE_JSON},
	{"DELETE", "/api/v1/students/{id}/representatives/{id}", api_student_representative_remove, ROLE_NETWORK_ADMIN | ROLES_SCHOOL_ADMIN, 0},

	{"GET", "/api/v1/representatives", api_representatives_list, STAFF_AND_NETWORK, 0},
	{"GET", "/api/v1/representatives/{id}", api_representative_get, ANY, 0},
	{"PATCH", "/api/v1/representatives/{id}", api_representative_update, ROLE_NETWORK_ADMIN | ROLES_SCHOOL_ADMIN | ROLE_PARENT, ROUTE_JSON},

	{"GET", "/api/v1/staff/{id}", api_staff_get, STAFF_AND_NETWORK, 0},
	{"PATCH", "/api/v1/staff/{id}", api_staff_update, ROLE_NETWORK_ADMIN | ROLES_SCHOOL_ADMIN, ROUTE_JSON},

	/* The timetable: bells and rooms, versions drafted by the school's administration and
	 * its responsible person, approved by the director (TT-3), and the dated lessons. */
	{"GET", "/api/v1/schools/{id}/bells", api_bells_get, STAFF_AND_NETWORK, 0},
	{"PUT", "/api/v1/schools/{id}/bells", api_bells_put, TIMETABLE_WRITERS, ROUTE_JSON},
	{"GET", "/api/v1/schools/{id}/rooms", api_rooms_list, STAFF_AND_NETWORK, 0},
	{"POST", "/api/v1/schools/{id}/rooms", api_room_create, TIMETABLE_WRITERS, ROUTE_JSON},
	{"GET", "/api/v1/schools/{id}/timetables", api_timetables_list, STAFF_AND_NETWORK, 0},
	{"POST", "/api/v1/schools/{id}/timetables", api_timetable_create, TIMETABLE_WRITERS, ROUTE_JSON},
	{"POST", "/api/v1/schools/{id}/timetables/generate", api_timetable_generate, TIMETABLE_WRITERS, ROUTE_JSON},
	{"GET", "/api/v1/timetable-jobs/{id}", api_timetable_job_get, STAFF_AND_NETWORK, 0},
	{"DELETE", "/api/v1/timetable-jobs/{id}", api_timetable_job_delete, TIMETABLE_WRITERS, 0},
	{"GET", "/api/v1/timetables/{id}", api_timetable_get, STAFF_AND_NETWORK, 0},
	{"PUT", "/api/v1/timetables/{id}/entries", api_timetable_entries_put, TIMETABLE_WRITERS, ROUTE_JSON},
	{"PATCH", "/api/v1/timetables/{id}/elective-entries/{id}", api_timetable_elective_room, TIMETABLE_WRITERS, ROUTE_JSON},
	{"POST", "/api/v1/timetables/{id}/approve", api_timetable_approve, ROLE_DIRECTOR, ROUTE_JSON},
	{"POST", "/api/v1/timetables/{id}/correct", api_timetable_correct, TIMETABLE_WRITERS, ROUTE_JSON},
	{"GET", "/api/v1/timetables/{id}/report", api_timetable_report, STAFF_AND_NETWORK, 0},
	{"POST", "/api/v1/timetables/{id}/lay", api_timetable_lay, TIMETABLE_WRITERS, ROUTE_JSON},
	{"GET", "/api/v1/classes/{id}/lessons", api_class_lessons, STAFF_AND_NETWORK, ROUTE_REPLICA},
	{"GET", "/api/v1/staff/{id}/lessons", api_staff_lessons, STAFF_AND_NETWORK, ROUTE_REPLICA},
	{"GET", "/api/v1/staff/{id}/unavailability", api_unavailability_get, STAFF_AND_NETWORK, 0},
	{"PUT", "/api/v1/staff/{id}/unavailability", api_unavailability_put, TIMETABLE_WRITERS, ROUTE_JSON},

	{"GET", "/api/v1/subjects", api_subjects_list, ANY, 0},
	{"POST", "/api/v1/subjects", api_subject_create, ROLE_NETWORK_ADMIN, ROUTE_JSON},
	{"GET", "/api/v1/subjects/{id}", api_subject_get, ANY, 0},
	{"PATCH", "/api/v1/subjects/{id}", api_subject_update, ROLE_NETWORK_ADMIN, ROUTE_JSON},

	/* The academic calendar of the network: CAL-5 and the public holidays (CAL-7). */
	{"GET", "/api/v1/calendar/not-fixed", api_calendar_not_fixed, ROLES_NETWORK, 0},
	{"GET", "/api/v1/calendar/holidays", api_holidays_get, ANY, 0},
	{"POST", "/api/v1/calendar/holidays/fixed", api_holiday_fixed_create, ROLE_NETWORK_ADMIN, ROUTE_JSON},
	{"DELETE", "/api/v1/calendar/holidays/fixed/{id}", api_holiday_fixed_delete, ROLE_NETWORK_ADMIN, 0},
	{"POST", "/api/v1/calendar/holidays/transfers", api_holiday_transfer_create, ROLE_NETWORK_ADMIN, ROUTE_JSON},
	{"DELETE", "/api/v1/calendar/holidays/transfers/{id}", api_holiday_transfer_delete, ROLE_NETWORK_ADMIN, 0},
	{"GET", "/api/v1/calendar/add-working-days", api_add_working_days, ANY, 0},

	/* The curriculum: the ТОЖ of the network office, each school's ЖОЖ kept by its
	 * director and academic deputy, groups, high-school choice, load, КТЖ (CUR-1..CUR-10). */
	{"GET", "/api/v1/curricula/typical", api_typical_get, STAFF_AND_NETWORK, 0},
	{"PUT", "/api/v1/curricula/typical", api_typical_put, ROLE_NETWORK_ADMIN, ROUTE_JSON},
	{"GET", "/api/v1/schools/{id}/curricula", api_school_curricula, STAFF_AND_NETWORK, 0},
	{"POST", "/api/v1/schools/{id}/curricula", api_school_curriculum_create, ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC, ROUTE_JSON},
	{"GET", "/api/v1/curricula/{id}", api_curriculum_get, STAFF_AND_NETWORK, 0},
	{"PATCH", "/api/v1/curricula/{id}", api_curriculum_update, ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC, ROUTE_JSON},
	{"POST", "/api/v1/curricula/{id}/approve", api_curriculum_approve, ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC, ROUTE_JSON},
	{"GET", "/api/v1/settings/group-split-threshold", api_split_threshold_get, STAFF_AND_NETWORK, 0},
	{"PUT", "/api/v1/settings/group-split-threshold", api_split_threshold_put, ROLE_NETWORK_ADMIN, ROUTE_JSON},
	{"POST", "/api/v1/classes/{id}/groups/split", api_class_split, ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC, 0},
	{"GET", "/api/v1/classes/{id}/groups", api_class_groups, STAFF_AND_NETWORK, 0},
	{"POST", "/api/v1/groups/{id}/members", api_group_member_add, ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC, ROUTE_JSON},
	{"GET", "/api/v1/students/{id}/choices", api_student_choices, ANY, 0},
	{"POST", "/api/v1/students/{id}/choices", api_student_choice_file, ROLE_PARENT | ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC, ROUTE_JSON},
	{"POST", "/api/v1/schools/{id}/choice-orders", api_choice_order_create, ROLE_DIRECTOR, ROUTE_JSON},
	{"GET", "/api/v1/schools/{id}/load", api_load_get, STAFF_AND_NETWORK, 0},
	{"PUT", "/api/v1/schools/{id}/load", api_load_put, ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC, ROUTE_JSON},
	{"GET", "/api/v1/schools/{id}/load/report", api_load_report, STAFF_AND_NETWORK, 0},
	{"GET", "/api/v1/schools/{id}/ktp", api_ktp_get, STAFF_AND_NETWORK, 0},
	{"PUT", "/api/v1/schools/{id}/ktp", api_ktp_put, ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC | ROLE_TEACHER, ROUTE_JSON},
	{"POST", "/api/v1/schools/{id}/ktp/import", api_ktp_import, ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC | ROLE_TEACHER, 0},
	{"POST", "/api/v1/classes/{id}/ktp/lay", api_ktp_lay, ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC | ROLE_TEACHER, ROUTE_JSON},
	{"GET", "/api/v1/classes/{id}/ktp/plan", api_ktp_plan, STAFF_AND_NETWORK, 0},
	{"PATCH", "/api/v1/lessons/{id}/topic", api_lesson_topic, ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC | ROLE_TEACHER, ROUTE_JSON},

	/* The electronic journal and the diary (JRN-1..JRN-4, ASM-1, ASM-2): a lesson's
	 * journal saved whole, substitutes, the grid and term summary of a class-subject,
	 * what is late, the month's report, terms closed and unlocked, the marking models. */
	{"GET", "/api/v1/me/lessons", api_my_lessons, ROLES_SCHOOL_STAFF, ROUTE_REPLICA},
	{"GET", "/api/v1/lessons/{id}/journal", api_lesson_journal_get, STAFF_AND_NETWORK, 0},
	{"PUT", "/api/v1/lessons/{id}/journal", api_lesson_journal_put, ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC | ROLE_TEACHER, ROUTE_JSON},
	{"PUT", "/api/v1/lessons/{id}/cover", api_lesson_cover_put, ROLE_NETWORK_ADMIN | ROLES_SCHOOL_ADMIN, ROUTE_JSON},
	{"GET", "/api/v1/classes/{id}/journal", api_class_journal, STAFF_AND_NETWORK, ROUTE_REPLICA},
	{"GET", "/api/v1/classes/{id}/journal/summary", api_class_journal_summary, STAFF_AND_NETWORK, ROUTE_REPLICA},
	{"GET", "/api/v1/classes/{id}/journal/year", api_class_journal_year, STAFF_AND_NETWORK, ROUTE_REPLICA},
	{"GET", "/api/v1/schools/{id}/journal/late", api_school_journal_late, STAFF_AND_NETWORK, ROUTE_REPLICA},
	{"GET", "/api/v1/schools/{id}/journal/report", api_school_journal_report, STAFF_AND_NETWORK, ROUTE_REPLICA},
	{"POST", "/api/v1/academic-years/{id}/terms/{id}/close", api_term_close, ROLE_NETWORK_ADMIN | ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC, 0},
	{"POST", "/api/v1/academic-years/{id}/terms/{id}/unlocks", api_term_unlock, ROLE_NETWORK_ADMIN | ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC, ROUTE_JSON},
	{"GET", "/api/v1/students/{id}/diary", api_student_diary, ANY, ROUTE_REPLICA},
	{"GET", "/api/v1/marking-models", api_marking_models, ANY, 0},
	{"PUT", "/api/v1/marking-models", api_marking_model_put, ROLE_NETWORK_ADMIN, ROUTE_JSON},

	/* The students' movement book (issue 7): applications for externship, academic leave
	 * and the returns, the documents check, the council's decision, the director's order
	 * that changes the student's status, the book and the deadlines of the open cases. */
	{"POST", "/api/v1/students/{id}/applications", api_student_application_create, ROLE_PARENT | ROLES_SCHOOL_ADMIN, ROUTE_JSON},
	{"POST", "/api/v1/applications/{id}/documents-checked", api_application_documents_checked, ROLE_DEPUTY_ACADEMIC, ROUTE_JSON},
	{"POST", "/api/v1/applications/{id}/decision", api_application_decision, ROLE_DEPUTY_ACADEMIC | ROLE_DIRECTOR, ROUTE_JSON},
	{"POST", "/api/v1/applications/{id}/order", api_application_order, ROLE_DIRECTOR, ROUTE_JSON},
	{"POST", "/api/v1/applications/{id}/withdraw", api_application_withdraw, ROLE_PARENT | ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC, ROUTE_JSON},
	/* after the order: the copy to the contingent unit, the other duties (migration 011) */
	{"POST", "/api/v1/applications/{id}/copy-sent", api_application_copy_sent, ROLE_DIRECTOR, ROUTE_JSON},
	{"POST", "/api/v1/applications/{id}/duties", api_application_duty,
	 ROLE_PARENT | ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC | ROLE_TEACHER, ROUTE_JSON},
	{"GET", "/api/v1/contingent/inbox", api_contingent_inbox, ROLES_NETWORK, 0},
	{"POST", "/api/v1/contingent/inbox/{id}/received", api_contingent_received, ROLE_CONTINGENT_UNIT, ROUTE_JSON},
	{"GET", "/api/v1/outbox", api_outbox_list, ROLE_NETWORK_ADMIN | ROLE_DIRECTOR, 0},
	{"GET", "/api/v1/students/{id}/movements", api_student_movements, ANY, 0},
	{"GET", "/api/v1/schools/{id}/deadlines", api_school_deadlines, STAFF_AND_NETWORK, 0},
	{"GET", "/api/v1/applications/{id}/form.pdf", api_application_form_pdf, ANY, 0},
	{"GET", "/api/v1/applications/{id}/order.pdf", api_application_order_pdf, ANY, 0},
	{"GET", "/api/v1/applications/{id}/schedule.pdf", api_application_schedule_pdf, ANY, 0},
	/* The externship student's consultation schedule (A1 form 3, EXT-13, EXT-15). */
	{"GET", "/api/v1/applications/{id}/plan", api_application_plan, ANY, 0},
	{"PUT", "/api/v1/applications/{id}/plan", api_application_plan_put, ROLE_DEPUTY_ACADEMIC, ROUTE_JSON},
	{"POST", "/api/v1/applications/{id}/plan/approve", api_application_plan_approve, ROLE_DIRECTOR, ROUTE_JSON},
	{"GET", "/api/v1/me/externships", api_my_externships, ROLES_SCHOOL_STAFF, 0},
	{"PATCH", "/api/v1/plan-rows/{id}", api_plan_row_mark, ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC | ROLE_TEACHER, ROUTE_JSON},
	/* The year's end of a class (ASM-3, DOC-1) and leaving the school, by the director's order. */
	{"GET", "/api/v1/classes/{id}/year-end", api_class_year_end_get, STAFF_AND_NETWORK, 0},
	{"POST", "/api/v1/classes/{id}/year-end", api_class_year_end, ROLE_DIRECTOR, ROUTE_JSON},
	{"POST", "/api/v1/students/{id}/leaving", api_student_leaving, ROLE_DIRECTOR, ROUTE_JSON},

	/* Elective courses (issue 8): the deputy's courses, the programme written, reviewed and
	 * approved (ELE-5..ELE-7), what the ЖОЖ gives a grade, the students' choices and
	 * switches (ELE-1, ELE-12, ELE-13), groups (ELE-3, ELE-4), the sessions' journal, the
	 * results with their figures (ELE-9, ELE-10) and the final products (ELE-8). */
	/* Individual learning routes (ОЖОМ, IR-1..IR-5): written by a teacher or the
	 * administration, agreed by teacher, curator and student (or a representative),
	 * assessed weekly by the route's teacher or curator, concluded by the teacher. */
	{"GET", "/api/v1/schools/{id}/learning-routes", api_school_learning_routes, STAFF_AND_NETWORK, 0},
	{"GET", "/api/v1/schools/{id}/learning-routes/quarter", api_school_learning_routes_quarter, STAFF_AND_NETWORK, 0},
	{"GET", "/api/v1/students/{id}/learning-routes", api_student_learning_routes, ANY, 0},
	{"POST", "/api/v1/students/{id}/learning-routes", api_student_learning_route_create, ROLES_SCHOOL_ADMIN | ROLE_TEACHER, ROUTE_JSON},
	{"GET", "/api/v1/learning-routes/{id}", api_learning_route_get, ANY, 0},
	{"PATCH", "/api/v1/learning-routes/{id}", api_learning_route_update, ROLES_SCHOOL_ADMIN | ROLE_TEACHER, ROUTE_JSON},
	{"POST", "/api/v1/learning-routes/{id}/agree", api_learning_route_agree, ROLES_SCHOOL_ADMIN | ROLE_TEACHER | ROLE_STUDENT | ROLE_PARENT, 0},
	{"POST", "/api/v1/learning-routes/{id}/assessments", api_learning_route_assess, ROLE_TEACHER, ROUTE_JSON},
	{"POST", "/api/v1/learning-routes/{id}/conclusions", api_learning_route_conclude, ROLE_TEACHER, ROUTE_JSON},

	{"GET", "/api/v1/schools/{id}/electives", api_school_electives, STAFF_AND_NETWORK, 0},
	{"POST", "/api/v1/schools/{id}/electives", api_school_elective_create, ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC, ROUTE_JSON},
	{"GET", "/api/v1/schools/{id}/electives/late", api_school_electives_late, STAFF_AND_NETWORK, 0},
	{"GET", "/api/v1/electives/{id}", api_elective_get, STAFF_AND_NETWORK, 0},
	{"PATCH", "/api/v1/electives/{id}", api_elective_update, ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC, ROUTE_JSON},
	{"GET", "/api/v1/electives/{id}/programme", api_elective_programme_get, STAFF_AND_NETWORK, 0},
	{"GET", "/api/v1/electives/{id}/programme.pdf", api_elective_programme_pdf, STAFF_AND_NETWORK, 0},
	{"PUT", "/api/v1/electives/{id}/programme", api_elective_programme_put, ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC | ROLE_TEACHER, ROUTE_JSON},
	{"POST", "/api/v1/electives/{id}/reviews", api_elective_review_create, ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC | ROLE_TEACHER, ROUTE_JSON},
	{"POST", "/api/v1/electives/{id}/programme/approve", api_elective_programme_approve, ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC, ROUTE_JSON},
	{"GET", "/api/v1/electives/{id}/choices", api_elective_choosers, STAFF_AND_NETWORK, 0},
	{"GET", "/api/v1/electives/{id}/groups", api_elective_groups, STAFF_AND_NETWORK, 0},
	{"POST", "/api/v1/electives/{id}/groups", api_elective_group_create, ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC, ROUTE_JSON},
	{"GET", "/api/v1/electives/{id}/results", api_elective_results, STAFF_AND_NETWORK, 0},
	{"GET", "/api/v1/electives/{id}/products", api_elective_products, STAFF_AND_NETWORK, 0},
	{"POST", "/api/v1/electives/{id}/products", api_elective_product_create, ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC | ROLE_TEACHER, ROUTE_JSON},
	{"GET", "/api/v1/elective-groups/{id}", api_elective_group_get, STAFF_AND_NETWORK, 0},
	{"POST", "/api/v1/elective-groups/{id}/members", api_elective_group_member_add, ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC, ROUTE_JSON},
	{"POST", "/api/v1/elective-groups/{id}/sessions", api_elective_session_save, ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC | ROLE_TEACHER, ROUTE_JSON},
	{"GET", "/api/v1/elective-sessions/{id}", api_elective_session_get, STAFF_AND_NETWORK, 0},
	{"GET", "/api/v1/settings/elective-thresholds", api_elective_thresholds_get, STAFF_AND_NETWORK, 0},
	{"PUT", "/api/v1/settings/elective-thresholds", api_elective_thresholds_put, ROLE_NETWORK_ADMIN, ROUTE_JSON},
	{"GET", "/api/v1/curricula/{id}/electives", api_curriculum_electives_get, STAFF_AND_NETWORK, 0},
	{"PUT", "/api/v1/curricula/{id}/electives", api_curriculum_electives_put, ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC, ROUTE_JSON},
	{"GET", "/api/v1/curricula/{id}/daily-bounds", api_curriculum_daily_bounds_get, STAFF_AND_NETWORK, 0},
	{"PUT", "/api/v1/curricula/{id}/daily-bounds", api_curriculum_daily_bounds_put, ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC, ROUTE_JSON},
	{"GET", "/api/v1/students/{id}/electives", api_student_electives, ANY, 0},
	{"POST", "/api/v1/students/{id}/electives", api_student_elective_choose, ROLE_STUDENT | ROLE_PARENT | ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC, ROUTE_JSON},
	{"POST", "/api/v1/students/{id}/electives/switch", api_student_elective_switch, ROLE_STUDENT | ROLE_PARENT | ROLE_DIRECTOR | ROLE_DEPUTY_ACADEMIC, ROUTE_JSON},

	/* Clubs, үйірме (issue 8): the clubs of a school's year, the programme and the schedule
	 * approved (CLB-5, CLB-7), members joining until 30 June for next year (CLB-1), in
	 * several clubs (CLB-2), with a certificate for a sports section (CLB-3), keeping the
	 * place when ill (CLB-4); the journal, the quarterly report and check (CLB-7, CLB-8),
	 * the results (CLB-6) and the survey (CLB-8). */
#define CLUB_WRITE (ROLE_DIRECTOR | ROLE_DEPUTY_UPBRINGING | ROLE_CLUB_LEADER | ROLE_TEACHER)
	{"GET", "/api/v1/schools/{id}/clubs", api_school_clubs, STAFF_AND_NETWORK, 0},
	{"POST", "/api/v1/schools/{id}/clubs", api_school_club_create, ROLE_DIRECTOR | ROLE_DEPUTY_UPBRINGING, ROUTE_JSON},
	{"GET", "/api/v1/schools/{id}/clubs/unchecked", api_school_clubs_unchecked, STAFF_AND_NETWORK, 0},
	{"GET", "/api/v1/clubs/{id}", api_club_get, STAFF_AND_NETWORK, 0},
	{"PATCH", "/api/v1/clubs/{id}", api_club_update, ROLE_DIRECTOR | ROLE_DEPUTY_UPBRINGING, ROUTE_JSON},
	{"PUT", "/api/v1/clubs/{id}/programme", api_club_programme_put, CLUB_WRITE, ROUTE_JSON},
	{"POST", "/api/v1/clubs/{id}/programme/approve", api_club_programme_approve, ROLE_DIRECTOR | ROLE_DEPUTY_UPBRINGING, ROUTE_JSON},
	{"PUT", "/api/v1/clubs/{id}/schedule", api_club_schedule_put, CLUB_WRITE, ROUTE_JSON},
	{"POST", "/api/v1/clubs/{id}/schedule/approve", api_club_schedule_approve, ROLE_DIRECTOR, ROUTE_JSON},
	{"POST", "/api/v1/clubs/{id}/members", api_club_member_add, CLUB_WRITE, ROUTE_JSON},
	{"PATCH", "/api/v1/club-members/{id}", api_club_member_update, CLUB_WRITE, ROUTE_JSON},
	{"POST", "/api/v1/club-members/{id}/leave", api_club_member_leave, CLUB_WRITE, ROUTE_JSON},
	{"GET", "/api/v1/clubs/{id}/sessions", api_club_sessions, STAFF_AND_NETWORK, 0},
	{"POST", "/api/v1/clubs/{id}/sessions", api_club_session_save, CLUB_WRITE, ROUTE_JSON},
	{"GET", "/api/v1/clubs/{id}/report", api_club_report, STAFF_AND_NETWORK, 0},
	{"GET", "/api/v1/clubs/{id}/report.pdf", api_club_report_pdf, STAFF_AND_NETWORK, 0},
	{"POST", "/api/v1/clubs/{id}/checks", api_club_check_create, ROLE_DIRECTOR | ROLE_DEPUTY_UPBRINGING, ROUTE_JSON},
	{"GET", "/api/v1/clubs/{id}/results", api_club_results, STAFF_AND_NETWORK, 0},
	{"POST", "/api/v1/clubs/{id}/results", api_club_result_create, CLUB_WRITE, ROUTE_JSON},
	{"GET", "/api/v1/clubs/{id}/survey", api_club_survey, STAFF_AND_NETWORK, 0},
	{"POST", "/api/v1/clubs/{id}/survey", api_club_survey_answer, ROLE_DIRECTOR | ROLE_DEPUTY_UPBRINGING, ROUTE_JSON},
	{"GET", "/api/v1/students/{id}/clubs", api_student_clubs, ANY, 0},
	{"POST", "/api/v1/students/{id}/clubs/{id}/survey", api_student_club_survey, ROLE_STUDENT | ROLE_PARENT, ROUTE_JSON},
	{"GET", "/api/v1/students/{id}/medical-certificates", api_student_certificates, ANY, 0},
	{"POST", "/api/v1/students/{id}/medical-certificates", api_student_certificate_create, ROLE_DIRECTOR | ROLE_DEPUTY_UPBRINGING | ROLE_TEACHER, ROUTE_JSON},

	/* The monthly contingent report (issue 7), as JSON or XLSX. */
	/* The monthly contingent report (issue 7), as JSON, XLSX or PDF. */
	{"GET", "/api/v1/reports/contingent", api_report_contingent, ROLES_NETWORK | ROLES_SCHOOL_ADMIN, ROUTE_REPLICA},

	{"GET", "/api/v1/audit", api_audit_list, ROLES_NETWORK | ROLE_DIRECTOR, 0},
	{NULL, NULL, NULL, 0, 0},
};
