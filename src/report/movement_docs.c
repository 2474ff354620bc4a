/* movement_docs (report) — the movement book's forms and orders as PDF descriptions; see
 * movement_docs.h. The texts are templates whose {slots} take the case's values; a slot
 * without a value prints a line to fill in by hand. */
#include "report/movement_docs.h"

#include <stdio.h>
#include <string.h>

#include "core/movement.h"
#include "report/words.h"
#include "util/buf.h"

/* Every text of the documents, in kk (the regulation's words), ru, en. */
enum text {
	T_TO_DIRECTOR, T_DIRECTOR_CAPTION, T_FROM_STUDENT, T_STUDENT_CAPTION, T_FROM_REPRESENTATIVE,
	T_REPRESENTATIVE_CAPTION, T_APPLICATION,
	T_EXT_ASK, T_EXT_PLEDGE_LIST, T_EXT_PLEDGE_WORKS, T_EXT_ACQUAINTED, T_CONTACTS, T_HOME_PHONE, T_MOBILE,
	T_EMAIL, T_STUDENT_EMAIL, T_ATTACHED, T_SIGN_CAPTION, T_REPRESENTATIVE, T_DATE,
	T_EXT_RETURN_ASK, T_REASON, T_APPENDIX,
	T_LEAVE_ASK, T_LEAVE_RETURN_ASK, T_LEAVE_RETURN_ATTACH, T_SIGN_DATE_CAPTION,
	T_ORDER, T_ORDER_NO, T_CITY,
	T_ORDER_EXT_TITLE, T_ORDER_EXT_RETURN_TITLE, T_ORDER_LEAVE_TITLE, T_ORDER_LEAVE_RETURN_TITLE,
	T_ORDER_EXT_BASIS, T_ORDER_EXT_RETURN_BASIS, T_ORDER_LEAVE_BASIS, T_ORDER_LEAVE_RETURN_BASIS,
	T_ORDER_COUNCIL, T_ORDER_NO_COUNCIL, T_PEDAGOGICAL, T_SMALL_PEDAGOGICAL, T_I_ORDER,
	T_ORDER_EXT_1, T_ORDER_EXT_FUNDING, T_ORDER_EXT_JOURNAL, T_ORDER_COPY, T_ORDER_CONTROL,
	T_ORDER_EXT_RETURN_1, T_ORDER_LEAVE_1, T_ORDER_LEAVE_FUNDING, T_ORDER_LEAVE_JOURNAL, T_ORDER_LEAVE_FILE,
	T_ORDER_LEAVE_RETURN_1, T_ORDER_LEAVE_RETURN_COPY, T_DIRECTOR, T_SIGN,
	T_SCHEDULE_TITLE, T_STUDENT_NAME, T_SCHOOL, T_CLASS, T_LANGUAGE, T_COL_NO, T_COL_SUBJECT, T_COL_DATE,
	T_COL_TOPIC, T_COL_SENT, T_COL_RECEIVED, T_COL_NOTE, T_SIGNATURES, T_DEPUTY, T_TEACHER, T_CURATOR,
	T_SCHEDULE_YEAR, T_SCHEDULE_APPROVED, T_SCHEDULE_DRAFT,
	T_COUNT
};

static const char *const texts[T_COUNT][LANG_COUNT] = {
	/* the addressee's block of every application (A1 forms 1, 2; A2 forms 1, 2) */
	[T_TO_DIRECTOR] = {"{school} филиалының директоры", "Директору филиала «{school}»",
			   "To the Director of the branch \"{school}\""},
	[T_DIRECTOR_CAPTION] = {"(директордың АӘТ)", "(Ф.И.О. директора)", "(the Director's full name)"},
	[T_FROM_STUDENT] = {"{class} сынып, {student}", "{class} класс, {student}", "class {class}, {student}"},
	[T_STUDENT_CAPTION] = {"(сынып, оқушының АӘТ)", "(класс, Ф.И.О. обучающегося)", "(class, the student's full name)"},
	[T_FROM_REPRESENTATIVE] = {"ата-анасы немесе басқа заңды өкілінен",
				   "от родителя или иного законного представителя",
				   "from the parent or other legal representative"},
	[T_REPRESENTATIVE_CAPTION] = {"(ата-анасы немесе заңды өкілінің АӘТ)",
				      "(Ф.И.О. родителя или законного представителя)",
				      "(the parent's or legal representative's full name)"},
	[T_APPLICATION] = {"Өтініш", "Заявление", "Application"},

	/* A1 form 1: the externship */
	[T_EXT_ASK] = {"«Назарбаев Зияткерлік мектептері» ДББҰ филиалы — {school}, {language} оқу тілі, {class} "
		       "сыныбында оқитын баламды {student} {starts_on} ж. бастап {ends_on} ж. дейін экстернат түріне "
		       "оқуға ауыстыруыңызды сұраймын. Себебі: {ground}.",
		       "Прошу перевести моего ребёнка {student}, обучающегося в {class} классе филиала АОО «Назарбаев "
		       "Интеллектуальные школы» — {school} (язык обучения: {language}), на обучение в форме экстерната "
		       "с {starts_on} по {ends_on}. Причина: {ground}.",
		       "I ask you to transfer my child {student}, a student of class {class} (language of instruction: "
		       "{language}) of the branch of AEO \"Nazarbayev Intellectual Schools\" — {school}, to study as an "
		       "external student from {starts_on} to {ends_on}. Reason: {ground}."},
	[T_EXT_PLEDGE_LIST] = {"Оқуға таңдалған пәндердің тізбесін және оқу жоспары тақырыптарының мазмұнын балам "
			       "{ends_on} ж. дейін оқитын шетелдік оқу орны — {foreign_school} — бойынша 15 (он бес) "
			       "жұмыс күні мерзімінде ұсынуға міндеттенемін.",
			       "Обязуюсь в течение 15 (пятнадцати) рабочих дней представить перечень предметов, "
			       "выбранных для обучения, и содержание тем учебного плана зарубежной организации "
			       "образования — {foreign_school}, — в которой мой ребёнок обучается до {ends_on}.",
			       "I undertake to submit, within 15 (fifteen) working days, the list of subjects chosen and "
			       "the content of the topics of the curriculum of the foreign school — {foreign_school} — "
			       "where my child studies until {ends_on}."},
	[T_EXT_PLEDGE_WORKS] = {"Мен баламның {student} жиынтық жұмыстарын жеке кестесіне сәйкес уақытында "
				"орындауына жеке жауаптымын.",
				"Я несу личную ответственность за своевременное выполнение моим ребёнком {student} "
				"суммативных работ в соответствии с индивидуальным графиком.",
				"I am personally responsible for my child {student} completing the summative works on "
				"time according to the individual schedule."},
	[T_EXT_ACQUAINTED] = {"Мен «Назарбаев Зияткерлік мектептері» ДББҰ филиалында оқушыларды экстернат түрінде "
			      "оқытуды ұйымдастыру тәртібімен, «Назарбаев Зияткерлік мектептері» ДББҰ оқушыларының оқу "
			      "жетістіктерін критериалды бағалау Ережесімен таныстым.",
			      "С Порядком организации обучения обучающихся в форме экстерната в филиалах АОО "
			      "«Назарбаев Интеллектуальные школы» и Правилами критериального оценивания учебных "
			      "достижений обучающихся АОО «Назарбаев Интеллектуальные школы» ознакомлен(а).",
			      "I have read the Procedure for organising external study at the branches of AEO "
			      "\"Nazarbayev Intellectual Schools\" and the Rules of criteria-based assessment of the "
			      "students' achievements of AEO \"Nazarbayev Intellectual Schools\"."},
	[T_CONTACTS] = {"Оқушының заңды өкілінің байланыс деректері:", "Контактные данные законного представителя обучающегося:",
			"Contacts of the student's legal representative:"},
	[T_HOME_PHONE] = {"үй телефоны: {home_phone}", "домашний телефон: {home_phone}", "home phone: {home_phone}"},
	[T_MOBILE] = {"ұялы телефоны: {mobile}", "мобильный телефон: {mobile}", "mobile phone: {mobile}"},
	[T_EMAIL] = {"e-mail: {email}", "e-mail: {email}", "e-mail: {email}"},
	[T_STUDENT_EMAIL] = {"оқушының e-mail: {student_email}", "e-mail обучающегося: {student_email}",
			     "the student's e-mail: {student_email}"},
	[T_ATTACHED] = {"Қоса беріліп отыр (құжаттардың тізімі):", "Прилагаются (перечень документов):",
			"Attached (list of documents):"},
	[T_SIGN_CAPTION] = {"(қолы және толық аты-жөні)", "(подпись и полное Ф.И.О.)", "(signature and full name)"},
	[T_REPRESENTATIVE] = {"Заңды өкіл", "Законный представитель", "Legal representative"},
	[T_DATE] = {"{filed_on} ж.", "{filed_on}", "{filed_on}"},

	/* A1 form 2: the early return from externship */
	[T_EXT_RETURN_ASK] = {"«Назарбаев Зияткерлік мектептері» ДББҰ филиалы — {school}, оқу тілі {language}, {class} "
			      "сыныбында экстернат түрінде оқитын баламды {student} {returns_on} ж. бастап күндізгі "
			      "оқу түріне ауыстыруыңызды сұраймын.",
			      "Прошу перевести моего ребёнка {student}, обучающегося в форме экстерната в {class} "
			      "классе филиала АОО «Назарбаев Интеллектуальные школы» — {school} (язык обучения: "
			      "{language}), на очную форму обучения с {returns_on}.",
			      "I ask you to transfer my child {student}, an external student of class {class} "
			      "(language of instruction: {language}) of the branch of AEO \"Nazarbayev Intellectual "
			      "Schools\" — {school}, back to full-time study from {returns_on}."},
	[T_REASON] = {"Себебі: ________________________________________________",
		      "Причина: ________________________________________________",
		      "Reason: ________________________________________________"},
	[T_APPENDIX] = {"Қосымша (құжаттардың тізімі):", "Приложение (перечень документов):", "Appendix (list of documents):"},

	/* A2 forms 1 and 2: the academic leave and the return from it */
	[T_LEAVE_ASK] = {"Сізден {class} сыныпта {school} — «Назарбаев Зияткерлік мектептері» ДББҰ филиалында {language} "
			 "тілінде оқитын балама {student} денсаулығына байланысты академиялық демалысты {starts_on} ж. "
			 "бастап {ends_on} ж. дейін беруіңізді сұраймын.",
			 "Прошу предоставить моему ребёнку {student}, обучающемуся в {class} классе филиала АОО "
			 "«Назарбаев Интеллектуальные школы» — {school} (язык обучения: {language}), академический "
			 "отпуск по состоянию здоровья с {starts_on} по {ends_on}.",
			 "I ask you to grant my child {student}, a student of class {class} (language of instruction: "
			 "{language}) of the branch of AEO \"Nazarbayev Intellectual Schools\" — {school}, academic leave "
			 "on health grounds from {starts_on} to {ends_on}."},
	[T_LEAVE_RETURN_ASK] = {"Сізден денсаулығына байланысты академиялық демалыста болған менің балама {student} "
				"({class} сынып) {returns_on} ж. бастап Зияткерлік мектепте оқуын жалғастыруға рұқсат "
				"етуіңізді сұраймын.",
				"Прошу разрешить моему ребёнку {student} ({class} класс), находившемуся в академическом "
				"отпуске по состоянию здоровья, продолжить обучение в Интеллектуальной школе с {returns_on}.",
				"I ask you to allow my child {student} (class {class}), who has been on academic leave on "
				"health grounds, to continue studying at the Intellectual School from {returns_on}."},
	[T_LEAVE_RETURN_ATTACH] = {"Зияткерлік мектепте оқуды жалғастыру мүмкіндігі туралы қорытындымен науқасты "
				   "бақылаған медициналық ұйымның денсаулығы туралы анықтамасын қоса беремін.",
				   "Прилагаю справку о состоянии здоровья от наблюдавшей медицинской организации с "
				   "заключением о возможности продолжения обучения в Интеллектуальной школе.",
				   "I attach the certificate of health from the medical organisation that observed the "
				   "student, with its conclusion that the student may continue at the Intellectual School."},
	[T_SIGN_DATE_CAPTION] = {"(қолы, АӘТ, күні)", "(подпись, Ф.И.О., дата)", "(signature, full name, date)"},

	/* the director's orders (A1§9, A1§12, A2§8, A2§12) */
	[T_ORDER] = {"БҰЙРЫҚ", "ПРИКАЗ", "ORDER"},
	[T_ORDER_NO] = {"{ordered_on} ж.                № {order_number}", "{ordered_on}                № {order_number}",
			"{ordered_on}                No. {order_number}"},
	[T_CITY] = {"{city} қаласы", "г. {city}", "{city}"},
	[T_ORDER_EXT_TITLE] = {"Оқушыны экстернат түрінде оқуға ауыстыру туралы",
			       "О переводе обучающегося на обучение в форме экстерната",
			       "On the transfer of a student to external study"},
	[T_ORDER_EXT_RETURN_TITLE] = {"Оқушыны экстернат түрінен күндізгі оқу түріне ауыстыру туралы",
				      "О переводе обучающегося с экстерната на очную форму обучения",
				      "On the transfer of a student from external to full-time study"},
	[T_ORDER_LEAVE_TITLE] = {"Оқушыға академиялық демалыс беру туралы",
				 "О предоставлении обучающемуся академического отпуска",
				 "On granting a student academic leave"},
	[T_ORDER_LEAVE_RETURN_TITLE] = {"Оқушыны академиялық демалыстан шығару туралы",
					"О выходе обучающегося из академического отпуска",
					"On a student's return from academic leave"},
	[T_ORDER_EXT_BASIS] = {"«Назарбаев Зияткерлік мектептері» ДББҰ оқушыларына экстернат түрінде оқытуды "
			       "ұйымдастыру тәртібінің 9-тармағына сәйкес, ",
			       "В соответствии с пунктом 9 Порядка организации обучения обучающихся АОО «Назарбаев "
			       "Интеллектуальные школы» в форме экстерната, ",
			       "In accordance with paragraph 9 of the Procedure for organising external study of the "
			       "students of AEO \"Nazarbayev Intellectual Schools\", "},
	[T_ORDER_EXT_RETURN_BASIS] = {"«Назарбаев Зияткерлік мектептері» ДББҰ оқушыларына экстернат түрінде оқытуды "
				      "ұйымдастыру тәртібінің 12-тармағына сәйкес, ",
				      "В соответствии с пунктом 12 Порядка организации обучения обучающихся АОО "
				      "«Назарбаев Интеллектуальные школы» в форме экстерната, ",
				      "In accordance with paragraph 12 of the Procedure for organising external study of "
				      "the students of AEO \"Nazarbayev Intellectual Schools\", "},
	[T_ORDER_LEAVE_BASIS] = {"Назарбаев Зияткерлік мектептерінің оқушыларына академиялық демалыс беру тәртібінің "
				 "8-тармағына сәйкес, ",
				 "В соответствии с пунктом 8 Порядка предоставления академического отпуска обучающимся "
				 "Назарбаев Интеллектуальных школ, ",
				 "In accordance with paragraph 8 of the Procedure for granting academic leave to the "
				 "students of the Nazarbayev Intellectual Schools, "},
	[T_ORDER_LEAVE_RETURN_BASIS] = {"Назарбаев Зияткерлік мектептерінің оқушыларына академиялық демалыс беру "
					"тәртібінің 12-тармағына сәйкес, ",
					"В соответствии с пунктом 12 Порядка предоставления академического отпуска "
					"обучающимся Назарбаев Интеллектуальных школ, ",
					"In accordance with paragraph 12 of the Procedure for granting academic leave to "
					"the students of the Nazarbayev Intellectual Schools, "},
	[T_ORDER_COUNCIL] = {"заңды өкілдің {filed_on} ж. өтініші, ұсынылған құжаттар және {council} {decided_on} ж. "
			     "№ {protocol} хаттамасымен ресімделген шешімі негізінде",
			     "на основании заявления законного представителя от {filed_on}, представленных документов "
			     "и решения {council} (протокол от {decided_on} № {protocol})",
			     "on the basis of the legal representative's application of {filed_on}, the documents "
			     "submitted and the decision of the {council} (minutes of {decided_on} No. {protocol})"},
	[T_ORDER_NO_COUNCIL] = {"заңды өкілдің {filed_on} ж. өтініші және ұсынылған құжаттар негізінде",
				"на основании заявления законного представителя от {filed_on} и представленных документов",
				"on the basis of the legal representative's application of {filed_on} and the documents "
				"submitted"},
	[T_PEDAGOGICAL] = {"Педагогикалық кеңестің", "Педагогического совета", "Pedagogical Council"},
	[T_SMALL_PEDAGOGICAL] = {"Шағын педагогикалық кеңестің", "Малого педагогического совета",
				 "Small Pedagogical Council"},
	[T_I_ORDER] = {"БҰЙЫРАМЫН:", "ПРИКАЗЫВАЮ:", "I ORDER:"},
	[T_ORDER_EXT_1] = {"{class} сынып оқушысы {student} {starts_on} ж. бастап {ends_on} ж. дейін экстернат түрінде "
			   "оқуға ауыстырылсын (негізі: {ground}; шетелдік оқу орны: {foreign_school}).",
			   "Перевести обучающегося {class} класса {student} на обучение в форме экстерната с {starts_on} "
			   "по {ends_on} (основание: {ground}; зарубежная организация образования: {foreign_school}).",
			   "Transfer {student}, a student of class {class}, to external study from {starts_on} to "
			   "{ends_on} (ground: {ground}; foreign school: {foreign_school})."},
	[T_ORDER_EXT_FUNDING] = {"Экстернат кезеңінде республикалық бюджеттен қаржыландыру қарастырылмайды.",
				 "На период обучения в форме экстерната финансирование из республиканского бюджета не "
				 "предусматривается.",
				 "No funding from the republican budget is provided for the period of external study."},
	[T_ORDER_EXT_JOURNAL] = {"Электрондық журналда оқушының экстернат түрінде оқитын кезеңі белгіленсін.",
				 "Отметить в электронном журнале период обучения обучающегося в форме экстерната.",
				 "Mark the period of external study in the electronic journal."},
	[T_ORDER_COPY] = {"Бұйрықтың көшірмесі үш жұмыс күні ішінде «Назарбаев Зияткерлік мектептері» ДББҰ-ның "
			  "оқушылар контингентімен жұмыс істеуге жауапты құрылымдық бөлімшесіне жіберілсін.",
			  "Копию приказа в течение трёх рабочих дней направить в структурное подразделение АОО "
			  "«Назарбаев Интеллектуальные школы», ответственное за работу с контингентом обучающихся.",
			  "Send a copy of this order within three working days to the unit of AEO \"Nazarbayev "
			  "Intellectual Schools\" responsible for the student contingent."},
	[T_ORDER_CONTROL] = {"Бұйрықтың орындалуын бақылау директордың оқу ісі жөніндегі орынбасарына жүктелсін.",
			     "Контроль за исполнением приказа возложить на заместителя директора по учебной работе.",
			     "The Deputy Director for academic affairs is to supervise the execution of this order."},
	[T_ORDER_EXT_RETURN_1] = {"Экстернат түрінде оқитын {class} сынып оқушысы {student} {returns_on} ж. бастап "
				  "күндізгі оқу түріне ауыстырылсын.",
				  "Перевести обучающегося {class} класса {student}, обучающегося в форме экстерната, на "
				  "очную форму обучения с {returns_on}.",
				  "Transfer {student}, an external student of class {class}, to full-time study from "
				  "{returns_on}."},
	[T_ORDER_LEAVE_1] = {"{class} сынып оқушысына {student} денсаулығына байланысты {starts_on} ж. бастап "
			     "{ends_on} ж. дейін академиялық демалыс берілсін.",
			     "Предоставить обучающемуся {class} класса {student} академический отпуск по состоянию "
			     "здоровья с {starts_on} по {ends_on}.",
			     "Grant {student}, a student of class {class}, academic leave on health grounds from "
			     "{starts_on} to {ends_on}."},
	[T_ORDER_LEAVE_FUNDING] = {"Академиялық демалыс кезеңінде республикалық бюджеттен қаржыландыру "
				   "қарастырылмайды; ақылы негізде оқитын оқушының оқу ақысы осы кезеңге тоқтатылады.",
				   "На период академического отпуска финансирование из республиканского бюджета не "
				   "предусматривается; плата за обучение обучающегося на платной основе на этот период "
				   "приостанавливается.",
				   "No funding from the republican budget is provided for the period of the leave; the "
				   "tuition of a fee-paying student is suspended for that period."},
	[T_ORDER_LEAVE_JOURNAL] = {"Электрондық журналда оқушының академиялық демалысқа шығу бұйрығы туралы белгі "
				   "қойылсын (бұйрықтың күні мен нөмірі).",
				   "Отметить в электронном журнале приказ о выходе обучающегося в академический отпуск "
				   "(дата и номер приказа).",
				   "Mark this order (its date and number) in the electronic journal."},
	[T_ORDER_LEAVE_FILE] = {"Бұйрықтың көшірмесі оқушының жеке ісіне қоса берілсін.",
				"Копию приказа приобщить к личному делу обучающегося.",
				"Place a copy of this order in the student's personal file."},
	[T_ORDER_LEAVE_RETURN_1] = {"Академиялық демалыста болған {student} {returns_on} ж. бастап академиялық "
				    "демалыстан шығарылып, {class} сыныпқа оқуға жіберілсін.",
				    "Считать {student} вышедшим(ей) из академического отпуска с {returns_on} и допустить "
				    "к обучению в {class} классе.",
				    "{student} returns from academic leave on {returns_on} and is admitted to class "
				    "{class}."},
	[T_ORDER_LEAVE_RETURN_COPY] = {"Бұйрыққа қол қойылған күннен бастап үш жұмыс күні ішінде бұйрықтың "
				       "көшірмесі қаржыландырудың тиісті көлемі мен мерзімдерін түзету үшін құрылымдық "
				       "бөлімшеге жолдансын.",
				       "В течение трёх рабочих дней со дня подписания приказа направить его копию в "
				       "структурное подразделение для корректировки объёма и сроков финансирования.",
				       "Within three working days of signing, send a copy of this order to the unit "
				       "concerned to adjust the amount and period of funding."},
	[T_DIRECTOR] = {"Директор", "Директор", "Director"},
	[T_SIGN] = {"(қолы)", "(подпись)", "(signature)"},

	/* A1 form 3: the individual schedule of remote consultations */
	[T_SCHEDULE_TITLE] = {"Экстернат түрінде оқитын оқушыға пәндер бойынша қашықтан кеңес берудің жеке кестесі",
			      "Индивидуальный график дистанционных консультаций по предметам для обучающегося в "
			      "форме экстерната",
			      "Individual schedule of remote consultations by subject for an external student"},
	[T_STUDENT_NAME] = {"Оқушының аты-жөні: {student}", "Ф.И.О. обучающегося: {student}", "Student: {student}"},
	[T_SCHOOL] = {"Мектеп: {school}", "Школа: {school}", "School: {school}"},
	[T_CLASS] = {"Сынып: {class}", "Класс: {class}", "Class: {class}"},
	[T_LANGUAGE] = {"Оқыту тілі: {language}", "Язык обучения: {language}", "Language of instruction: {language}"},
	[T_COL_NO] = {"№", "№", "No."},
	[T_COL_SUBJECT] = {"Пән атауы", "Наименование предмета", "Subject"},
	[T_COL_DATE] = {"Кеңестің өтетін күні", "Дата консультации", "Consultation date"},
	[T_COL_TOPIC] = {"Кеңестің тақырыбы", "Тема консультации", "Consultation topic"},
	[T_COL_SENT] = {"Жиынтық бағалау жұмысын жіберу күні", "Дата отправки суммативной работы",
			"Summative work sent on"},
	[T_COL_RECEIVED] = {"Орындалған жиынтық бағалау жұмысын алу күні", "Дата получения выполненной суммативной работы",
			    "Completed work received on"},
	[T_COL_NOTE] = {"Ескерту", "Примечание", "Note"},
	[T_SIGNATURES] = {"Қолы және толық аты-жөні:", "Подпись и полное Ф.И.О.:", "Signature and full name:"},
	[T_DEPUTY] = {"Директордың оқу ісі жөніндегі орынбасары", "Заместитель директора по учебной работе",
		      "Deputy Director for academic affairs"},
	[T_TEACHER] = {"Пән мұғалімі", "Учитель-предметник", "Subject teacher"},
	[T_CURATOR] = {"Куратор", "Куратор", "Curator"},
	[T_SCHEDULE_YEAR] = {"Оқу жылы: {year}", "Учебный год: {year}", "Academic year: {year}"},
	[T_SCHEDULE_APPROVED] = {"Директордың {date} ж. № {number} бұйрығымен бекітілген.",
				 "Утверждён приказом директора от {date} № {number}.",
				 "Approved by the Director's order No. {number} of {date}."},
	[T_SCHEDULE_DRAFT] = {"Жоба: директордың бұйрығымен әлі бекітілмеген.",
			      "Проект: ещё не утверждён приказом директора.",
			      "Draft: not yet approved by the Director's order."},
};

static const char *tx(enum text t, enum lang l)
{
	return texts[t][(unsigned)l < LANG_COUNT ? (unsigned)l : 0];
}

static const char *str_at(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s && *s ? s : NULL;
}

/* "Last First Middle" of a person, or NULL. */
static json_t *full_name(json_t *p)
{
	if (!str_at(p, "last_name"))
		return NULL;
	struct buf b = BUF_INIT;
	static const char *const keys[] = {"last_name", "first_name", "middle_name"};
	for (int i = 0; i < 3; i++)
		if (str_at(p, keys[i]))
			buf_addf(&b, "%s%s", b.len ? " " : "", str_at(p, keys[i]));
	json_t *s = json_string(b.data);
	buf_release(&b);
	return s;
}

/* The date as papers write it (report_date), or NULL. */
static json_t *dotted(const char *iso)
{
	char out[16];
	report_date(iso, out);
	return *out ? json_string(out) : NULL;
}

static void put(json_t *v, const char *key, json_t *value)
{
	if (value)
		json_object_set_new(v, key, value);
}

/* The values of the templates' slots for the data, in `l`. */
static json_t *slots(json_t *data, enum lang l)
{
	json_t *v = json_object(), *c = json_object_get(data, "case"), *st = json_object_get(data, "student"),
	       *school = json_object_get(data, "school"), *rep = json_object_get(data, "representative"),
	       *ord = json_object_get(c, "order"), *dec = json_object_get(c, "decision"),
	       *cls = json_object_get(st, "class");
	const char *code = lang_code(l);
	put(v, "student", full_name(st));
	put(v, "representative", full_name(rep));
	put(v, "director", full_name(json_object_get(data, "director")));
	if (str_at(json_object_get(school, "name"), code))
		put(v, "school", json_string(str_at(json_object_get(school, "name"), code)));
	if (str_at(json_object_get(school, "city"), code))
		put(v, "city", json_string(str_at(json_object_get(school, "city"), code)));
	if (str_at(cls, "label"))
		put(v, "class", json_string(str_at(cls, "label")));
	if (str_at(cls, "language"))
		put(v, "language", json_string(report_code_word(str_at(cls, "language"), l)));
	/* an order's dates are its own (effective dates); an application's those asked for */
	put(v, "starts_on", dotted(str_at(ord, "starts_on") ? str_at(ord, "starts_on") : str_at(c, "starts_on")));
	put(v, "ends_on", dotted(str_at(ord, "ends_on") ? str_at(ord, "ends_on") : str_at(c, "ends_on")));
	put(v, "returns_on", dotted(str_at(c, "returns_on") ? str_at(c, "returns_on") : str_at(ord, "starts_on")));
	put(v, "filed_on", dotted(str_at(c, "filed_on")));
	put(v, "ordered_on", dotted(str_at(ord, "date")));
	if (str_at(ord, "number"))
		put(v, "order_number", json_string(str_at(ord, "number")));
	put(v, "decided_on", dotted(str_at(dec, "date")));
	if (str_at(dec, "protocol_number"))
		put(v, "protocol", json_string(str_at(dec, "protocol_number")));
	if (str_at(dec, "council"))
		put(v, "council", json_string(tx(strcmp(str_at(dec, "council"), "small") == 0 ? T_SMALL_PEDAGOGICAL
										      : T_PEDAGOGICAL, l)));
	const char *ground = str_at(c, "ground");
	enum externship_ground g = externship_ground_from_code(ground);
	if (g != GROUND_INVALID)
		put(v, "ground", json_string(externship_ground_name(g, l)));
	if (str_at(c, "foreign_school"))
		put(v, "foreign_school", json_string(str_at(c, "foreign_school")));
	if (str_at(c, "representative_mobile"))
		put(v, "mobile", json_string(str_at(c, "representative_mobile")));
	const char *email = str_at(c, "representative_email") ? str_at(c, "representative_email") : str_at(rep, "email");
	if (email)
		put(v, "email", json_string(email));
	if (str_at(c, "student_email"))
		put(v, "student_email", json_string(str_at(c, "student_email")));
	/* the person's phone is the home phone when it is not the mobile given */
	const char *phone = str_at(rep, "phone");
	if (phone && (!str_at(c, "representative_mobile") || strcmp(phone, str_at(c, "representative_mobile")) != 0))
		put(v, "home_phone", json_string(phone));
	return v;
}

static void para(json_t *blocks, json_t *text, const char *align, double indent)
{
	json_array_append_new(blocks, json_pack("{s:s, s:o, s:s, s:f}", "type", "paragraph", "text", text, "align",
						align, "indent", indent));
}

static void small(json_t *lines, const char *text)
{
	json_array_append_new(lines, json_pack("{s:s, s:b}", "text", text, "small", 1));
}

/* The addressee's block of an application, right. */
static void addressee(json_t *blocks, json_t *v, enum lang l)
{
	json_t *lines = json_array();
	json_array_append_new(lines, report_fill(tx(T_TO_DIRECTOR, l), v));
	json_array_append_new(lines, report_fill("{director}", v));
	small(lines, tx(T_DIRECTOR_CAPTION, l));
	json_array_append_new(lines, report_fill(tx(T_FROM_STUDENT, l), v));
	small(lines, tx(T_STUDENT_CAPTION, l));
	json_array_append_new(lines, json_string(tx(T_FROM_REPRESENTATIVE, l)));
	json_array_append_new(lines, report_fill("{representative}", v));
	small(lines, tx(T_REPRESENTATIVE_CAPTION, l));
	json_array_append_new(blocks, json_pack("{s:s, s:o}", "type", "block_right", "lines", lines));
	json_array_append_new(blocks, json_pack("{s:s, s:s}", "type", "heading", "text", tx(T_APPLICATION, l)));
}

/* The numbered list of the case's documents under `heading`. */
static void documents_list(json_t *blocks, json_t *c, enum lang l, enum text heading)
{
	para(blocks, json_string(tx(heading, l)), "left", 0);
	size_t i, n = 0;
	json_t *d;
	json_array_foreach(json_object_get(c, "documents"), i, d) {
		const char *name = movement_document_name(movement_document_from_code(json_string_value(d)), l);
		if (!name)
			continue;
		para(blocks, json_sprintf("%zu. %s", ++n, name), "left", 0);
	}
	if (n == 0)
		para(blocks, json_string("1. " REPORT_BLANK REPORT_BLANK), "left", 0);
}

/* The end of every application: the documents attached, the representative's signature
 * with its caption, the day it was filed. */
static void closing(json_t *blocks, json_t *v, json_t *c, enum lang l, enum text list, enum text caption)
{
	documents_list(blocks, c, l, list);
	json_array_append_new(blocks, json_pack("{s:s, s:f}", "type", "space", "height", 10.0));
	json_array_append_new(blocks, json_pack("{s:s, s:s, s:o, s:s}", "type", "signature", "label",
						tx(T_REPRESENTATIVE, l), "name", report_fill("{representative}", v), "caption",
						tx(caption, l)));
	para(blocks, report_fill(tx(T_DATE, l), v), "left", 0);
}

static void externship_application(json_t *blocks, json_t *v, json_t *c, enum lang l)
{
	para(blocks, report_fill(tx(T_EXT_ASK, l), v), "justify", 28);
	para(blocks, report_fill(tx(T_EXT_PLEDGE_LIST, l), v), "justify", 28);
	para(blocks, report_fill(tx(T_EXT_PLEDGE_WORKS, l), v), "justify", 28);
	para(blocks, report_fill(tx(T_EXT_ACQUAINTED, l), v), "justify", 28);
	json_array_append_new(blocks, json_pack("{s:s, s:f}", "type", "space", "height", 4.0));
	para(blocks, json_string(tx(T_CONTACTS, l)), "left", 0);
	static const enum text contacts[] = {T_HOME_PHONE, T_MOBILE, T_EMAIL, T_STUDENT_EMAIL};
	for (size_t i = 0; i < sizeof contacts / sizeof *contacts; i++)
		para(blocks, report_fill(tx(contacts[i], l), v), "left", 14);
	json_array_append_new(blocks, json_pack("{s:s, s:f}", "type", "space", "height", 4.0));
	closing(blocks, v, c, l, T_ATTACHED, T_SIGN_CAPTION);
}

static void externship_return_application(json_t *blocks, json_t *v, json_t *c, enum lang l)
{
	para(blocks, report_fill(tx(T_EXT_RETURN_ASK, l), v), "justify", 28);
	para(blocks, json_string(tx(T_REASON, l)), "left", 0);
	closing(blocks, v, c, l, T_APPENDIX, T_SIGN_CAPTION);
}

static void leave_application(json_t *blocks, json_t *v, json_t *c, enum lang l)
{
	para(blocks, report_fill(tx(T_LEAVE_ASK, l), v), "justify", 28);
	closing(blocks, v, c, l, T_ATTACHED, T_SIGN_CAPTION);
}

static void leave_return_application(json_t *blocks, json_t *v, json_t *c, enum lang l)
{
	para(blocks, report_fill(tx(T_LEAVE_RETURN_ASK, l), v), "justify", 28);
	para(blocks, json_string(tx(T_LEAVE_RETURN_ATTACH, l)), "justify", 28);
	closing(blocks, v, c, l, T_ATTACHED, T_SIGN_DATE_CAPTION);
}

json_t *movement_doc_application(json_t *data, enum lang l)
{
	json_t *c = json_object_get(data, "case");
	const char *kind = str_at(c, "kind");
	void (*body)(json_t *, json_t *, json_t *, enum lang) =
		!kind ? NULL
		: strcmp(kind, "externship") == 0 ? externship_application
		: strcmp(kind, "externship_return") == 0 ? externship_return_application
		: strcmp(kind, "academic_leave") == 0 ? leave_application
		: strcmp(kind, "leave_return") == 0 ? leave_return_application : NULL;
	if (!body)
		return NULL;
	json_t *blocks = json_array(), *v = slots(data, l);
	addressee(blocks, v, l);
	body(blocks, v, c, l);
	json_decref(v);
	return blocks;
}

/* --- the orders --- */

struct order_text {
	const char *kind;
	enum text title, basis, points[6];  /* points end at the first 0 (T_TO_DIRECTOR) */
};

static const struct order_text orders[] = {
	{"externship", T_ORDER_EXT_TITLE, T_ORDER_EXT_BASIS,
	 {T_ORDER_EXT_1, T_ORDER_EXT_FUNDING, T_ORDER_EXT_JOURNAL, T_ORDER_COPY, T_ORDER_CONTROL}},
	{"externship_return", T_ORDER_EXT_RETURN_TITLE, T_ORDER_EXT_RETURN_BASIS,
	 {T_ORDER_EXT_RETURN_1, T_ORDER_COPY, T_ORDER_CONTROL}},
	{"academic_leave", T_ORDER_LEAVE_TITLE, T_ORDER_LEAVE_BASIS,
	 {T_ORDER_LEAVE_1, T_ORDER_LEAVE_FUNDING, T_ORDER_LEAVE_JOURNAL, T_ORDER_LEAVE_FILE, T_ORDER_COPY,
	  T_ORDER_CONTROL}},
	{"leave_return", T_ORDER_LEAVE_RETURN_TITLE, T_ORDER_LEAVE_RETURN_BASIS,
	 {T_ORDER_LEAVE_RETURN_1, T_ORDER_LEAVE_RETURN_COPY, T_ORDER_CONTROL}},
};

json_t *movement_doc_order(json_t *data, enum lang l)
{
	json_t *c = json_object_get(data, "case"), *st = json_object_get(data, "student");
	const char *kind = str_at(c, "kind");
	const struct order_text *o = NULL;
	for (size_t i = 0; kind && i < sizeof orders / sizeof *orders; i++)
		if (strcmp(orders[i].kind, kind) == 0)
			o = &orders[i];
	if (!o)
		return NULL;
	json_t *blocks = json_array(), *v = slots(data, l);
	json_array_append_new(blocks, json_pack("{s:s, s:o, s:s, s:b}", "type", "paragraph", "text",
						report_fill("{school}", v), "align", "center", "bold", 1));
	json_array_append_new(blocks, json_pack("{s:s, s:s, s:f}", "type", "heading", "text", tx(T_ORDER, l),
						"size", 15.0));
	json_t *when = report_fill(tx(T_ORDER_NO, l), v);
	json_array_append_new(blocks, json_pack("{s:s, s:o, s:s}", "type", "paragraph", "text", when, "align",
						"center"));
	para(blocks, report_fill(tx(T_CITY, l), v), "center", 0);
	json_array_append_new(blocks, json_pack("{s:s, s:f}", "type", "space", "height", 8.0));
	json_array_append_new(blocks, json_pack("{s:s, s:s, s:b}", "type", "paragraph", "text", tx(o->title, l),
						"bold", 1));
	json_array_append_new(blocks, json_pack("{s:s, s:f}", "type", "space", "height", 6.0));
	/* a return from externship may be ordered on the documents alone (A1§12) */
	int council = json_is_object(json_object_get(c, "decision"));
	struct buf basis = BUF_INIT;
	json_t *grounds = report_fill(tx(council ? T_ORDER_COUNCIL : T_ORDER_NO_COUNCIL, l), v);
	buf_addf(&basis, "%s%s %s", tx(o->basis, l), json_string_value(grounds), tx(T_I_ORDER, l));
	json_decref(grounds);
	para(blocks, json_string(basis.data), "justify", 28);
	buf_release(&basis);
	int n = 0;
	/* LV-6 (A2§10): the copy of a leave order goes to the unit for a student on the grant */
	int copy = strcmp(kind, "academic_leave") != 0 || (str_at(st, "funding") && strcmp(str_at(st, "funding"), "orken") == 0);
	for (size_t i = 0; i < 6 && o->points[i]; i++) {
		if (o->points[i] == T_ORDER_COPY && !copy)
			continue;
		json_t *text = report_fill(tx(o->points[i], l), v);
		para(blocks, json_sprintf("%d. %s", ++n, json_string_value(text)), "justify", 28);
		json_decref(text);
	}
	json_array_append_new(blocks, json_pack("{s:s, s:f}", "type", "space", "height", 18.0));
	json_array_append_new(blocks, json_pack("{s:s, s:s, s:o, s:s}", "type", "signature", "label",
						tx(T_DIRECTOR, l), "name", report_fill("{director}", v), "caption",
						tx(T_SIGN, l)));
	json_decref(v);
	return blocks;
}

/* --- A1 form 3 --- */

/* One year's schedule: the student's lines, the year and the order approving it when
 * known, the table (its rows, then empty ones up to `empty_rows`), the signatures. */
static void schedule_page(json_t *blocks, json_t *v, json_t *plan, enum lang l, int empty_rows)
{
	json_array_append_new(blocks, json_pack("{s:s, s:s}", "type", "heading", "text", tx(T_SCHEDULE_TITLE, l)));
	static const enum text lines[] = {T_STUDENT_NAME, T_SCHOOL, T_CLASS, T_LANGUAGE};
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
		para(blocks, report_fill(tx(lines[i], l), v), "left", 0);
	if (str_at(plan, "year")) {
		json_t *pv = json_pack("{s:s}", "year", str_at(plan, "year"));
		json_t *order = json_object_get(plan, "order");
		if (str_at(order, "number")) {
			json_object_set_new(pv, "number", json_string(str_at(order, "number")));
			put(pv, "date", dotted(str_at(order, "date")));
		}
		para(blocks, report_fill(tx(T_SCHEDULE_YEAR, l), pv), "left", 0);
		para(blocks, report_fill(tx(str_at(order, "number") ? T_SCHEDULE_APPROVED : T_SCHEDULE_DRAFT, l), pv), "left", 0);
		json_decref(pv);
	}
	json_t *header = json_pack("[s, s, s, s, s, s, s]", tx(T_COL_NO, l), tx(T_COL_SUBJECT, l), tx(T_COL_DATE, l),
				   tx(T_COL_TOPIC, l), tx(T_COL_SENT, l), tx(T_COL_RECEIVED, l), tx(T_COL_NOTE, l));
	json_t *rows = json_array(), *schedule = json_object_get(plan, "rows");
	size_t i;
	json_t *r;
	json_array_foreach(schedule, i, r) {
		json_t *row = json_pack("[o]", json_sprintf("%zu.", i + 1));
		static const char *const keys[] = {"subject", "date", "topic", "sent_on", "received_on", "note"};
		for (size_t k = 0; k < 6; k++) {
			const char *s = str_at(r, keys[k]);
			json_t *d = k == 1 || k == 3 || k == 4 ? dotted(s) : NULL;
			json_array_append_new(row, d ? d : json_string(s ? s : ""));
		}
		json_array_append_new(rows, row);
	}
	for (int k = (int)json_array_size(schedule); k < empty_rows; k++)
		json_array_append_new(rows, json_pack("[o, s, s, s, s, s, s]", json_sprintf("%d.", k + 1), "", "", "",
						      "", "", ""));
	json_array_append_new(blocks, json_pack("{s:s, s:[f, f, f, f, f, f, f], s:o, s:o, s:f, s:f}", "type", "table",
						"widths", 0.45, 1.75, 1.55, 2.0, 1.75, 1.8, 1.45, "header", header, "rows",
						rows, "row_height", 24.0, "size", 8.5));
	para(blocks, json_string(tx(T_SIGNATURES, l)), "left", 0);
	static const enum text signers[] = {T_DEPUTY, T_TEACHER, T_CURATOR};
	for (size_t k = 0; k < sizeof signers / sizeof *signers; k++)
		json_array_append_new(blocks, json_pack("{s:s, s:s, s:s, s:s}", "type", "signature", "label",
							tx(signers[k], l), "name", "", "caption", tx(T_SIGN, l)));
}

json_t *movement_doc_schedule(json_t *data, enum lang l, int empty_rows)
{
	json_t *blocks = json_array(), *v = slots(data, l), *plans = json_object_get(data, "schedules");
	size_t i;
	json_t *plan;
	json_array_foreach(plans, i, plan) {
		if (i > 0)
			json_array_append_new(blocks, json_pack("{s:s}", "type", "page_break"));
		schedule_page(blocks, v, plan, l, 0);
	}
	if (json_array_size(plans) == 0)
		schedule_page(blocks, v, NULL, l, empty_rows);
	json_decref(v);
	return blocks;
}
