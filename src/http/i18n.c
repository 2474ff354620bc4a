/* i18n — reply languages and the API's messages in Kazakh, Russian and English.
 * A message may name the field it concerns as {field}; reply.c fills it in. */
#include "http/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct message {
	const char *code;
	const char *text[LANG_COUNT]; /* kk, ru, en */
};

static const struct message catalogue[] = {
	{"internal", {"Сервердің ішкі қатесі. Әрекетті қайталаңыз.",
		      "Внутренняя ошибка сервера. Повторите попытку.",
		      "Internal server error. Please try again."}},
	{"db_unavailable", {"Дерекқор уақытша қолжетімсіз. Біраздан соң қайталаңыз.",
			    "База данных временно недоступна. Повторите чуть позже.",
			    "The database is temporarily unavailable. Try again shortly."}},
	{"route_not_found", {"Мұндай API әдісі жоқ.", "Такого метода API нет.",
			     "There is no such API endpoint."}},
	{"method_not_allowed", {"Бұл әдіс бұл мекенжайда қолданылмайды.",
				"Этот метод не поддерживается по этому адресу.",
				"This method is not allowed here."}},
	{"not_found", {"Жазба табылмады.", "Запись не найдена.", "The record was not found."}},
	{"malformed_json", {"Сұраныс денесі дұрыс JSON емес.", "Тело запроса — некорректный JSON.",
			    "The request body is not valid JSON."}},
	{"body_not_object", {"Сұраныс денесі JSON нысаны болуы керек.",
			     "Тело запроса должно быть JSON-объектом.",
			     "The request body must be a JSON object."}},
	{"body_too_large", {"Сұраныс денесі тым үлкен.", "Тело запроса слишком велико.",
			    "The request body is too large."}},
	{"unknown_field", {"Белгісіз өріс: {field}.", "Неизвестное поле: {field}.",
			   "Unknown field: {field}."}},
	{"missing_field", {"Міндетті өріс толтырылмаған: {field}.",
			   "Не заполнено обязательное поле: {field}.",
			   "A required field is missing: {field}."}},
	{"wrong_type", {"Өріс мәнінің түрі қате: {field}.", "Неверный тип значения поля: {field}.",
			"The field has the wrong type: {field}."}},
	{"too_long", {"Мән тым ұзын: {field}.", "Слишком длинное значение: {field}.",
		      "The value is too long: {field}."}},
	{"empty_string", {"Өріс бос болмауы керек: {field}.", "Поле не может быть пустым: {field}.",
			  "The field must not be empty: {field}."}},
	{"out_of_range", {"Мән рұқсат етілген шектен тыс: {field}.",
			  "Значение вне допустимых пределов: {field}.",
			  "The value is out of range: {field}."}},
	{"bad_date", {"Күн ЖЖЖЖ-АА-КК пішімінде болуы керек: {field}.",
		      "Дата должна быть в формате ГГГГ-ММ-ДД: {field}.",
		      "The date must be YYYY-MM-DD: {field}."}},
	{"bad_enum", {"Рұқсат етілмеген мән: {field}.", "Недопустимое значение: {field}.",
		      "The value is not one of those allowed: {field}."}},
	{"bad_utf8", {"Мәтін UTF-8 кодталуында емес: {field}.", "Текст не в кодировке UTF-8: {field}.",
		      "The text is not valid UTF-8: {field}."}},
	{"bad_query", {"Сұраныс параметрі қате: {field}.", "Неверный параметр запроса: {field}.",
		       "A query parameter is wrong: {field}."}},
	{"email_invalid", {"Электрондық пошта мекенжайы қате.", "Неверный адрес электронной почты.",
			   "The e-mail address is not valid."}},
	{"phone_invalid", {"Телефон нөмірі +7XXXXXXXXXX пішімінде болуы керек.",
			   "Номер телефона должен быть в формате +7XXXXXXXXXX.",
			   "The phone number must look like +7XXXXXXXXXX."}},
	{"not_signed_in", {"Жүйеге кіріңіз.", "Войдите в систему.", "Please sign in."}},
	{"forbidden", {"Бұл әрекетке құқығыңыз жоқ.", "У вас нет прав на это действие.",
		       "You are not allowed to do this."}},
	{"invalid_credentials", {"Логин немесе құпиясөз қате.", "Неверный логин или пароль.",
				 "Wrong login or password."}},
	{"login_throttled", {"Тым көп сәтсіз әрекет. Біраз күтіп, қайталаңыз.",
			     "Слишком много неудачных попыток. Подождите и повторите.",
			     "Too many failed attempts. Wait a little and try again."}},
	{"password_too_short", {"Құпиясөз кемінде 8 таңбадан тұруы керек.",
				"Пароль должен содержать не менее 8 символов.",
				"The password must have at least 8 characters."}},
	{"iin_format", {"ЖСН 12 цифрдан тұруы керек.", "ИИН должен состоять из 12 цифр.",
			"The IIN must be 12 digits."}},
	{"iin_date", {"ЖСН-дағы туған күн жоқ күн.", "Дата рождения в ИИН не существует.",
		      "The birth date inside the IIN is not a real date."}},
	{"iin_century", {"ЖСН-ның 7-цифры (ғасыр мен жыныс) қате.",
			 "Седьмая цифра ИИН (век и пол) неверна.",
			 "The 7th digit of the IIN (century and sex) is wrong."}},
	{"iin_checksum", {"ЖСН-ның бақылау цифры сәйкес келмейді.",
			  "Контрольная цифра ИИН не сходится.",
			  "The IIN check digit does not match."}},
	{"iin_birth_date_mismatch", {"ЖСН туған күнмен сәйкес келмейді.",
				     "ИИН не совпадает с датой рождения.",
				     "The IIN does not agree with the birth date."}},
	{"iin_sex_mismatch", {"ЖСН жынысымен сәйкес келмейді.", "ИИН не совпадает с полом.",
			      "The IIN does not agree with the sex."}},
	{"iin_taken", {"Бұл ЖСН-мен адам тіркелген.", "Человек с таким ИИН уже есть.",
		       "A person with this IIN already exists."}},
	{"code_taken", {"Бұл код бос емес.", "Этот код уже занят.", "This code is already taken."}},
	{"login_taken", {"Бұл логин бос емес.", "Этот логин уже занят.", "This login is already taken."}},
	{"class_exists", {"Бұл оқу жылында мұндай сынып бар.", "Такой класс в этом учебном году уже есть.",
			  "This class already exists in the academic year."}},
	{"year_exists", {"Бұл оқу жылы бар.", "Этот учебный год уже есть.",
			 "This academic year already exists."}},
	{"year_dates_order", {"Оқу жылының соңы басынан кейін болуы керек.",
			      "Конец учебного года должен быть позже начала.",
			      "The academic year must end after it starts."}},
	{"dangling_reference", {"Сілтеме жасалған жазба жоқ: {field}.",
				"Запись, на которую ссылается поле, не существует: {field}.",
				"The record this field refers to does not exist: {field}."}},
	{"wrong_school", {"Жазба басқа мектепке тиесілі: {field}.",
			  "Запись относится к другой школе: {field}.",
			  "The record belongs to another school: {field}."}},
	/* the timetable: bells (CAL-6, ORG-7), rooms, versions and entries (TT-1, TT-3), lessons */
	{"bad_time", {"Уақыт СС:ММ пішімінде болуы керек: {field}.", "Время должно быть в формате ЧЧ:ММ: {field}.",
		      "The time must be HH:MM: {field}."}},
	{"bells_lesson_minutes", {"Сабақ 40 минутқа созылады (ДББҰ-мен келісім бойынша 60 минут).",
				  "Урок длится 40 минут (по согласованию с АОО — 60 минут).",
				  "A lesson lasts 40 minutes (60 in agreement with the network office)."}},
	{"bells_lesson_minutes_agreement", {"Сабақтың ұзақтығы ДББҰ-мен келісіледі: оны желі кеңсесі өзгертеді.",
					    "Длительность урока согласуется с АОО: её меняет сетевой офис.",
					    "The lesson length is agreed with the network office, which changes it."}},
	{"bells_empty", {"Қоңырау кестесінде кемінде бір сабақ болуы керек.",
			 "В расписании звонков должен быть хотя бы один урок.",
			 "The bell schedule needs at least one period."}},
	{"bells_period_number", {"Сабақтар 1-ден бастап ретімен нөмірленеді: {field}.",
				 "Уроки нумеруются по порядку с 1: {field}.",
				 "Periods are numbered in order from 1: {field}."}},
	{"bells_lesson_length", {"Сабақ мектепте белгіленген уақытқа созылуы керек: {field}.",
				 "Урок должен длиться столько, сколько установлено в школе: {field}.",
				 "The period must last the school's lesson length: {field}."}},
	{"bells_break_short", {"Үзіліс тым қысқа немесе сабақтар қабаттасады: {field}.",
			       "Перемена слишком короткая или уроки накладываются: {field}.",
			       "The break is too short or the periods overlap: {field}."}},
	{"bells_meal_break_short", {"Тамақтану үзілісі тым қысқа (желі баптауы, әдепкіде 20 минут): {field}.",
				    "Перемена на питание слишком короткая (настройка сети, по умолчанию 20 минут): {field}.",
				    "The meal break is too short (a network setting, 20 minutes by default): {field}."}},
	{"bells_in_use", {"Кестенің жобасы немесе бекітілген нұсқасы алынып тасталатын сабақты не сенбіні әлі пайдаланады.",
			  "Проект или утверждённая версия расписания ещё использует убираемый урок или субботу.",
			  "A draft or approved timetable still uses a period or the Saturday this schedule drops."}},
	{"room_exists", {"Мектепте осындай атаумен кабинет бар.", "В школе уже есть кабинет с таким названием.",
			 "The school already has a room of that name."}},
	{"timetable_copy_year", {"Басқа оқу жылының кестесінен көшіруге болмайды.",
				 "Нельзя копировать расписание другого учебного года.",
				 "A timetable of another academic year cannot be copied."}},
	{"timetable_not_draft", {"Тек кестенің жобасы өзгертіледі және бекітіледі.",
				 "Изменить и утвердить можно только проект расписания.",
				 "Only a draft timetable can be changed or approved."}},
	{"timetable_not_approved", {"Бұл әрекет тек бекітілген кестемен жасалады.",
				    "Это действие выполняется только с утверждённым расписанием.",
				    "This needs an approved timetable."}},
	{"timetable_empty", {"Бос кестені бекітуге болмайды.", "Пустое расписание нельзя утвердить.",
			     "An empty timetable cannot be approved."}},
	{"committee_date_future", {"Ата-аналар комитетімен келісілген күн әлі келген жоқ.",
				   "Дата согласования с родительским комитетом ещё не наступила.",
				   "The parents' committee's agreement date is in the future."}},
	{"timetable_no_calendar", {"Оқу жылының тоқсандары немесе семестрлері енгізілмеген.",
				   "Четверти или семестры учебного года не внесены.",
				   "The academic year's terms have not been entered."}},
	{"timetable_lay_from", {"Күн семестрдің ішінде болуы керек: {field}.",
				"Дата должна быть в пределах семестра: {field}.",
				"The date must be inside the semester: {field}."}},
	{"timetable_entry_unknown", {"Кестеде мұндай сабақ жоқ: {field}.", "В расписании нет такого урока: {field}.",
				     "The timetable has no such entry: {field}."}},
	{"timetable_reference", {"Бұл мектепте және оқу жылында мұндай жазба жоқ: {field}.",
				 "Такой записи нет в этой школе и учебном году: {field}.",
				 "No such record in this school and academic year: {field}."}},
	{"timetable_group_class", {"Топ басқа сыныпқа тиесілі: {field}.", "Группа относится к другому классу: {field}.",
				   "The group belongs to another class: {field}."}},
	{"timetable_group_subject", {"Топ басқа пән бойынша бөлінген: {field}.",
				     "Группа выделена по другому предмету: {field}.",
				     "The group is of another subject: {field}."}},
	{"timetable_weekday", {"Мектеп бұл күні оқытпайды: {field}.", "Школа в этот день не работает: {field}.",
			       "The school does not teach on this day: {field}."}},
	{"timetable_period", {"Мектептің қоңырау кестесінде мұндай сабақ жоқ: {field}.",
			      "В расписании звонков школы нет такого урока: {field}.",
			      "The school's bell schedule has no such period: {field}."}},
	{"timetable_clash_teacher", {"Мұғалімнің бір уақытта екі сабағы бар.", "У учителя два урока в одно время.",
				     "The teacher has two lessons at the same time."}},
	{"timetable_clash_class", {"Сыныптың бір уақытта екі сабағы бар.", "У класса два урока в одно время.",
				   "The class has two lessons at the same time."}},
	{"timetable_clash_group_class", {"Топтың сабағы өз сыныбының сабағымен бір уақытта.",
					 "Урок группы совпадает по времени с уроком её класса.",
					 "A group has a lesson at the same time as its whole class."}},
	{"timetable_clash_group", {"Топтың бір уақытта екі сабағы бар.", "У группы два урока в одно время.",
				   "The group has two lessons at the same time."}},
	{"timetable_clash_students", {"Бір оқушы бір уақытта екі топтың сабағында болуы керек.",
				      "Один учащийся должен быть на уроках двух групп одновременно.",
				      "A student would be in two groups' lessons at the same time."}},
	{"timetable_clash_room", {"Кабинетте бір уақытта екі сабақ бар.", "В кабинете два урока в одно время.",
				  "The room has two lessons at the same time."}},
	{"representative_linked", {"Бұл заңды өкіл оқушыға бұрын байланыстырылған.",
				   "Этот законный представитель уже связан с учащимся.",
				   "This legal representative is already linked to the student."}},
	{"representative_is_student", {"Оқушы өзінің заңды өкілі бола алмайды.",
				       "Учащийся не может быть собственным законным представителем.",
				       "A student cannot be their own legal representative."}},
	{"xlsx_unreadable", {"Файлды Excel кестесі (.xlsx) ретінде оқу мүмкін болмады.",
			     "Файл не удалось прочитать как таблицу Excel (.xlsx).",
			     "The file could not be read as an Excel spreadsheet (.xlsx)."}},
	{"role_needs_school", {"Бұл рөл үшін мектепті көрсетіңіз.", "Для этой роли укажите школу.",
			       "This role needs a school."}},
	{"role_needs_person", {"Бұл рөл адамға байланыстырылуы керек.",
			       "Эту роль нужно связать с человеком.",
			       "This role must be linked to a person."}},
	{"year_approved", {"Оқу жылы бекітілген: оның мерзімдері мен құрылымы енді өзгермейді.",
			   "Учебный год утверждён: его сроки и структура больше не меняются.",
			   "The academic year is approved: its dates and structure are fixed."}},
	{"calendar_term_count", {"Оқу жылы 4 тоқсанға немесе 2 семестрге бөлінеді.",
				 "Учебный год делится на 4 четверти или 2 семестра.",
				 "A year has 4 quarters or 2 semesters."}},
	{"calendar_period_order", {"Кезең басталмай тұрып аяқталады: {field}.",
				   "Период заканчивается раньше, чем начинается: {field}.",
				   "The period ends before it starts: {field}."}},
	{"calendar_term_outside_year", {"Оқу кезеңі оқу жылының шегінен шығады: {field}.",
					"Учебный период выходит за пределы учебного года: {field}.",
					"The term lies outside the academic year: {field}."}},
	{"calendar_terms_order", {"Оқу кезеңдері бірінен соң бірі, қабаттаспай келуі керек: {field}.",
				  "Учебные периоды должны идти по порядку и не пересекаться: {field}.",
				  "Terms must follow one another without overlapping: {field}."}},
	{"calendar_holiday_outside_year", {"Каникул оқу жылының шегінен шығады: {field}.",
					   "Каникулы выходят за пределы учебного года: {field}.",
					   "The holiday lies outside the academic year: {field}."}},
	{"calendar_holiday_straddles_term",
	 {"Каникул оқу кезеңдерінің арасында немесе толығымен бір кезеңнің ішінде болуы керек: {field}.",
	  "Каникулы должны быть между учебными периодами или целиком внутри одного: {field}.",
	  "A holiday lies between terms or wholly inside one, not across a term's start or end: {field}."}},
	{"calendar_holidays_overlap", {"Каникулдар бір-бірімен қабаттаспауы керек: {field}.",
				       "Каникулы не должны пересекаться: {field}.",
				       "Holidays must not overlap: {field}."}},
	{"calendar_assessment_outside_year", {"Сыртқы бағалау оқу жылының ішінде басталуы керек: {field}.",
					      "Внешнее оценивание должно начинаться в пределах учебного года: {field}.",
					      "The external assessment must start within the academic year: {field}."}},
	{"calendar_study_weeks_primary", {"Бастауыш мектепте кемінде 35 оқу аптасы болуы керек.",
					  "В начальной школе должно быть не менее 35 учебных недель.",
					  "Primary school needs at least 35 study weeks."}},
	{"calendar_study_weeks_basic",
	 {"Негізгі мектепте сыртқы бағалауды қоспағанда кемінде 33 оқу аптасы болуы керек.",
	  "В основной школе должно быть не менее 33 учебных недель без внешнего оценивания.",
	  "Basic school needs at least 33 study weeks, the external assessment excluded."}},
	{"calendar_study_weeks_high",
	 {"Жоғары мектепте сыртқы бағалауды қоспағанда кемінде 31 оқу аптасы болуы керек.",
	  "В старшей школе должно быть не менее 31 учебной недели без внешнего оценивания.",
	  "High school needs at least 31 study weeks, the external assessment excluded."}},
	{"calendar_holiday_days", {"Оқу жылындағы каникулдар жалпы кемінде 30 күнтізбелік күн болуы керек.",
				   "Каникулы в течение учебного года должны длиться не менее 30 календарных дней.",
				   "Holidays during the year must total at least 30 calendar days."}},
	{"calendar_summer", {"Жазғы демалыс кемінде 12 күнтізбелік апта болуы керек.",
			     "Летние каникулы должны длиться не менее 12 календарных недель.",
			     "The summer holiday must last at least 12 calendar weeks."}},
	{"calendar_summer_senior", {"Жоғары сынып оқушыларының жазғы демалысы кемінде 10 күнтізбелік апта болуы керек.",
				    "Летние каникулы старшеклассников должны длиться не менее 10 календарных недель.",
				    "Seniors' summer holiday must last at least 10 calendar weeks."}},
	{"holiday_exists", {"Бұл күнге мереке немесе демалыс күнін ауыстыру бұрын енгізілген.",
			    "На этот день праздник или перенос выходного уже внесён.",
			    "A holiday or a transfer on this day already exists."}},
	{"holiday_transfer_same_day", {"Ауыстырудың жұмыс күні мен демалыс күні әртүрлі болуы керек.",
				       "Рабочий и выходной день переноса должны различаться.",
				       "A transfer's working day and day off must differ."}},
	/* the curriculum (CUR-1..CUR-10) */
	{"curriculum_levels_grade", {"Стандартты және тереңдетілген деңгейдің сағаттары тек 11–12-сыныптарға беріледі: {field}.",
				     "Часы стандартного и углублённого уровня задаются только для 11–12 классов: {field}.",
				     "Standard and advanced hours are only for grades 11–12: {field}."}},
	{"curriculum_levels_pair", {"Стандартты және тереңдетілген деңгейдің сағаттары бірге беріледі: {field}.",
				    "Часы стандартного и углублённого уровня задаются вместе: {field}.",
				    "Standard and advanced hours go together: {field}."}},
	{"curriculum_levels_order", {"Тереңдетілген деңгейдің сағаты стандартты деңгейдікінен аз болмауы керек: {field}.",
				     "Часов углублённого уровня не может быть меньше, чем стандартного: {field}.",
				     "Advanced hours cannot be fewer than standard hours: {field}."}},
	{"duplicate_subject", {"Пән тізімде екі рет көрсетілген: {field}.", "Предмет указан в списке дважды: {field}.",
			       "The subject is listed twice: {field}."}},
	{"curriculum_approved", {"Жұмыс оқу жоспары бекітілген, енді өзгертілмейді.",
				 "Рабочий учебный план утверждён и больше не меняется.",
				 "The working curriculum is approved and can no longer change."}},
	{"curriculum_empty", {"Бос жұмыс оқу жоспарын бекітуге болмайды.",
			      "Пустой рабочий учебный план нельзя утвердить.",
			      "An empty working curriculum cannot be approved."}},
	{"council_date_future", {"Педагогикалық кеңес шешімінің күні әлі келген жоқ.",
				 "Дата решения Педагогического совета ещё не наступила.",
				 "The Pedagogical council's decision date is in the future."}},
	{"curriculum_exists", {"Бұл оқу жылына жұмыс оқу жоспары бұрын жасалған.",
			       "Рабочий учебный план на этот учебный год уже создан.",
			       "The working curriculum of this academic year already exists."}},
	{"typical_curriculum_missing", {"Мектеп бағдарламасының үлгілік оқу жоспары әлі енгізілмеген.",
					"Типовой учебный план программы школы ещё не внесён.",
					"The typical curriculum of the school's programme has not been entered yet."}},
	{"curriculum_missing", {"Бұл оқу жылының жұмыс оқу жоспары жоқ.",
				"Нет рабочего учебного плана на этот учебный год.",
				"There is no working curriculum for this academic year."}},
	{"no_current_year", {"Мектептің ағымдағы оқу жылы жоқ: оқу жылын көрсетіңіз.",
			     "У школы нет текущего учебного года: укажите учебный год.",
			     "The school has no current academic year: name one."}},
	{"class_not_above_threshold", {"Сыныптағы оқушылар саны топтарға бөлу шегінен аспайды.",
				       "Число учащихся класса не превышает порога деления на группы.",
				       "The class does not have more students than the group split threshold."}},
	{"no_split_subjects", {"Жұмыс оқу жоспарында бұл сыныпты топтарға бөлетін пән жоқ.",
			       "В рабочем учебном плане нет предметов, по которым этот класс делится на группы.",
			       "The working curriculum has no subject that splits this class into groups."}},
	{"groups_exist", {"Сынып барлық пәндер бойынша топтарға бөлініп қойған.",
			  "Класс уже разделён на группы по всем предметам.",
			  "The class is already split into groups for every subject."}},
	{"wrong_class", {"Оқушы бұл топтың сыныбында оқымайды.", "Учащийся не учится в классе этой группы.",
			 "The student is not in this group's class."}},
	{"group_member_exists", {"Оқушы осы топта бар.", "Учащийся уже в этой группе.",
				 "The student is already in this group."}},
	{"choice_grade", {"Пәндер мен деңгейлер тек 11–12-сыныптарға таңдалады.",
			  "Предметы и уровни выбирают только для 11–12 классов.",
			  "Subjects and levels are chosen for grades 11–12 only."}},
	{"choice_deadline_passed", {"Өтініш беру мерзімі өтті: пәндер 10 маусымға дейін таңдалады.",
				    "Срок подачи заявления истёк: предметы выбираются до 10 июня.",
				    "The deadline has passed: subjects are chosen by 10 June."}},
	{"choice_fixed", {"Директордың бұйрығынан кейін таңдалған пәндер мен деңгейлер өзгертілмейді.",
			  "После приказа директора выбранные предметы и уровни не меняются.",
			  "After the director's order the chosen subjects and levels cannot change."}},
	{"math_programme_switch", {"Математиканың 10 сағаттық және 7 сағаттық бағдарламалары арасында ауысуға болмайды.",
				   "Переход между 10-часовой и 7-часовой программами по математике не допускается.",
				   "Mathematics cannot switch between the 10-hour and the 7-hour programme."}},
	{"representative_not_linked", {"Бұл адам оқушының заңды өкілі емес.",
				       "Этот человек не является законным представителем учащегося.",
				       "This person is not the student's legal representative."}},
	{"duplicate_student", {"Оқушы тізімде екі рет көрсетілген: {field}.", "Учащийся указан в списке дважды: {field}.",
			       "The student is listed twice: {field}."}},
	{"choice_already_fixed", {"Бұл оқушының таңдауы бұйрықпен бұрын бекітілген: {field}.",
				  "Выбор этого учащегося уже закреплён приказом: {field}.",
				  "This student's choice is already fixed by an order: {field}."}},
	{"choice_missing", {"Бұл оқушының осы оқу жылына өтініші жоқ: {field}.",
			    "У этого учащегося нет заявления на этот учебный год: {field}.",
			    "This student has no application for this academic year: {field}."}},
	{"order_number_taken", {"Мектепте бұл нөмірмен бұйрық бар.", "Приказ с таким номером в школе уже есть.",
				"The school already has an order with this number."}},
	{"duplicate_teacher", {"Мұғалім тізімде екі рет көрсетілген: {field}.", "Учитель указан в списке дважды: {field}.",
			       "The teacher is listed twice: {field}."}},
	{"load_class_or_group", {"Сыныпты немесе топты көрсетіңіз, екеуін бірдей емес: {field}.",
				 "Укажите класс или группу, но не то и другое: {field}.",
				 "Give a class or a group, not both: {field}."}},
	{"wrong_year", {"Жазба басқа оқу жылына тиесілі: {field}.", "Запись относится к другому учебному году: {field}.",
			"The record belongs to another academic year: {field}."}},
	{"group_subject_mismatch", {"Топ басқа пән бойынша бөлінген: {field}.", "Группа выделена по другому предмету: {field}.",
				    "The group was split for another subject: {field}."}},
	{"csv_content_type", {"Файлды text/csv түрінде жіберіңіз.", "Отправьте файл как text/csv.",
			      "Send the file as text/csv."}},
	{"csv_malformed", {"CSV файлын оқу мүмкін емес: {field}.", "Файл CSV не читается: {field}.",
			   "The CSV file cannot be read: {field}."}},
	{"csv_row_invalid", {"Жолда реттік нөмір, тақырып және сағат саны болуы керек: {field}.",
			     "В строке должны быть порядковый номер, тема и число часов: {field}.",
			     "A line needs an order number, a title and hours: {field}."}},
	{"csv_duplicate_order", {"Тақырыптың реттік нөмірі қайталанады: {field}.",
				 "Порядковый номер темы повторяется: {field}.",
				 "The topic's order number is repeated: {field}."}},
	{"csv_empty", {"Файлда бірде-бір тақырып жоқ.", "В файле нет ни одной темы.", "The file has no topics."}},
	{"ktp_topic_mismatch", {"Тақырып сабақтың пәні мен сыныбының КТЖ-сына жатпайды: {field}.",
				"Тема не из КТП предмета и класса этого урока: {field}.",
				"The topic is not in the КТЖ of the lesson's subject and grade: {field}."}},
	{"student_not_in_lesson", {"Оқушы бұл сабақтың тізімінде жоқ: {field}.", "Ученика нет в списке этого урока: {field}.",
				   "The student is not on this lesson's list: {field}."}},
	{"student_repeated", {"Оқушы екі рет берілген: {field}.", "Ученик указан дважды: {field}.",
			      "The student is given twice: {field}."}},
	{"missed_reason_required", {"Сабақтың неге өтпегенін жазыңыз.", "Укажите, почему урок не проведён.",
				    "Give the reason the lesson was not held."}},
	{"missed_lesson_has_marks", {"Өтпеген сабаққа қатысу мен баға қойылмайды.",
				     "У непроведённого урока не бывает посещаемости и оценок.",
				     "A lesson not held has no attendance or marks."}},
	{"lesson_not_yet_held", {"Сабақ әлі өткен жоқ: қатысу мен баға сабақ күні немесе одан кейін қойылады.",
				 "Урок ещё не прошёл: посещаемость и оценки ставятся в день урока или позже.",
				 "The lesson has not taken place yet: attendance and marks are entered on its day or later."}},
	{"absence_reason_required", {"Болмау себебін таңдаңыз (ауырды, дәлелді, дәлелсіз): {field}.",
				     "Выберите причину отсутствия (болезнь, уважительная, неуважительная): {field}.",
				     "Choose the reason for the absence (illness, excused, unexcused): {field}."}},
	{"reason_only_for_absence", {"Себеп тек сабақта болмаған оқушыға жазылады: {field}.",
				     "Причина указывается только для отсутствующего: {field}.",
				     "A reason is given only for an absent student: {field}."}},
	{"mark_above_scale", {"Баға шкаладан жоғары: {field}.", "Оценка выше шкалы: {field}.",
			      "The mark is above the scale: {field}."}},
	{"points_above_max", {"Ұпай жұмыстың ең жоғары ұпайынан асады: {field}.",
			      "Баллов больше, чем максимум работы: {field}.", "The points are above the work's maximum: {field}."}},
	{"term_closed", {"Оқу кезеңі жабылған: журналды өзгерту үшін директордың оқу ісі жөніндегі орынбасары оны ашуы керек.",
			 "Учебный период закрыт: чтобы изменить журнал, его должен открыть заместитель директора по учебной работе.",
			 "The term is closed: a change to its journal needs the academic deputy's unlock."}},
	{"cover_is_own_teacher", {"Мұғалім өз сабағын алмастыра алмайды: {field}.", "Учитель не может заменять сам себя: {field}.",
				  "A teacher cannot cover their own lesson: {field}."}},
	{"term_already_closed", {"Бұл оқу кезеңі бұрын жабылған.", "Этот учебный период уже закрыт.",
				 "This term is already closed."}},
	{"term_not_closed", {"Оқу кезеңі жабылмаған, ашатын ештеңе жоқ.", "Учебный период не закрыт — открывать нечего.",
			     "The term is not closed; there is nothing to unlock."}},
	{"marking_model_invalid", {"Бағалау моделі дұрыс емес: {field}.", "Модель оценивания задана неверно: {field}.",
				   "The marking model is not valid: {field}."}},
	{"invalid_format", {"Пішімі дұрыс емес: {field}.", "Неверный формат: {field}.", "The format is wrong: {field}."}},
	{"ktp_group_mismatch", {"Топ бұл сыныптың осы пән бойынша тобы емес: {field}.",
				"Группа не относится к этому классу и предмету: {field}.",
				"The group is not one of the class's for this subject: {field}."}},
	{"language_change_in_year", {"Оқу жылы ішінде оқушының оқыту тілі өзгермейді.",
				     "Язык обучения учащегося не меняется в течение учебного года.",
				     "A student's language of instruction cannot change within the academic year."}},
	{"conflict", {"Жазба басқа біреумен бір мезгілде өзгертілді. Бетті жаңартыңыз.",
		      "Запись одновременно изменена кем-то другим. Обновите страницу.",
		      "Someone else changed the record at the same time. Reload the page."}},
};

/* Field names as users read them, used where a message names its field. */
static const struct message field_labels[] = {
	{"last_name", {"тегі", "фамилия", "last name"}},
	{"first_name", {"аты", "имя", "first name"}},
	{"middle_name", {"әкесінің аты", "отчество", "patronymic"}},
	{"iin", {"ЖСН", "ИИН", "IIN"}},
	{"birth_date", {"туған күні", "дата рождения", "birth date"}},
	{"sex", {"жынысы", "пол", "sex"}},
	{"phone", {"телефон", "телефон", "phone"}},
	{"email", {"электрондық пошта", "электронная почта", "e-mail"}},
	{"school_id", {"мектеп", "школа", "school"}},
	{"class_id", {"сынып", "класс", "class"}},
	{"person_id", {"адам", "человек", "person"}},
	{"funding", {"қаржыландыру", "финансирование", "funding"}},
	{"dormitory", {"жатақхана", "общежитие", "dormitory"}},
	{"enrolled_on", {"қабылданған күні", "дата зачисления", "enrolment date"}},
	{"relation", {"туыстық қатынасы", "степень родства", "relation"}},
	{"roles", {"рөлдері", "роли", "roles"}},
	{"active", {"белсенді", "активен", "active"}},
	{"code", {"коды", "код", "code"}},
	{"name", {"атауы", "название", "name"}},
	{"city", {"қала", "город", "city"}},
	{"programme", {"бағдарлама", "программа", "programme"}},
	{"grade", {"сынып деңгейі", "параллель", "grade"}},
	{"letter", {"литері", "литера", "letter"}},
	{"language", {"оқыту тілі", "язык обучения", "language of instruction"}},
	{"curator_id", {"сынып жетекшісі", "классный руководитель", "curator"}},
	{"academic_year_id", {"оқу жылы", "учебный год", "academic year"}},
	{"starts_on", {"басталу күні", "дата начала", "start date"}},
	{"ends_on", {"аяқталу күні", "дата окончания", "end date"}},
	{"status", {"мәртебесі", "статус", "status"}},
	{"weekday", {"апта күні", "день недели", "weekday"}},
	{"period", {"сабақ нөмірі", "номер урока", "period"}},
	{"periods", {"сабақ", "урок", "period"}},
	{"starts_at", {"басталу уақыты", "время начала", "start time"}},
	{"ends_at", {"аяқталу уақыты", "время окончания", "end time"}},
	{"meal_after", {"одан кейін тамақтану", "после него питание", "meal after it"}},
	{"lesson_minutes", {"сабақ ұзақтығы", "длительность урока", "lesson length"}},
	{"saturday", {"сенбі күні оқу", "учёба по субботам", "lessons on Saturdays"}},
	{"room_id", {"кабинет", "кабинет", "room"}},
	{"capacity", {"орын саны", "число мест", "seats"}},
	{"semester", {"семестр", "семестр", "semester"}},
	{"copy_from", {"көшірілетін нұсқа", "копируемая версия", "version copied"}},
	{"reason", {"себебі", "причина", "reason"}},
	{"parents_committee_date", {"ата-аналар комитетімен келісілген күн", "дата согласования с родительским комитетом",
				    "parents' committee agreement date"}},
	{"note", {"ескертпе", "примечание", "note"}},
	{"entries", {"кесте жолы", "строка расписания", "entry"}},
	{"replace", {"толық ауыстыру", "полная замена", "replace all"}},
	{"delete", {"жою", "удаление", "delete"}},
	{"locked", {"бекітілген орын", "закреплено", "locked"}},
	{"to", {"соңғы күн", "конечная дата", "end date of the range"}},
	{"login", {"логин", "логин", "login"}},
	{"password", {"құпиясөз", "пароль", "password"}},
	{"lang", {"тіл", "язык", "language"}},
	{"limit", {"бет өлшемі", "размер страницы", "page size"}},
	{"cursor", {"бет", "страница", "page"}},
	{"role", {"рөл", "роль", "role"}},
	{"entity", {"жазба түрі", "тип записи", "record type"}},
	{"id", {"жазба нөмірі", "номер записи", "record number"}},
	{"type", {"оқу жылының бөлінуі", "деление учебного года", "division of the year"}},
	{"terms", {"оқу кезеңі", "учебный период", "term"}},
	{"number", {"нөмірі", "номер", "number"}},
	{"holidays", {"каникул", "каникулы", "holiday"}},
	{"kind", {"түрі", "вид", "kind"}},
	{"assessment", {"сыртқы бағалау", "внешнее оценивание", "external assessment"}},
	{"assessment_basic", {"10-сыныптың сыртқы бағалауы", "внешнее оценивание 10 класса",
			      "grade 10 external assessment"}},
	{"date", {"күні", "дата", "date"}},
	{"moves_if_weekend", {"демалыс күнінен ауысады", "переносится с выходного", "moves off a weekend"}},
	{"working_day", {"жұмыс күні", "рабочий день", "working day"}},
	{"day_off", {"демалыс күні", "выходной день", "day off"}},
	{"year", {"жыл", "год", "year"}},
	{"from", {"бастапқы күн", "начальная дата", "start date of the count"}},
	{"days", {"жұмыс күндерінің саны", "число рабочих дней", "number of working days"}},
	{"rows", {"жол", "строка", "row"}},
	{"hours", {"сағат саны", "число часов", "hours"}},
	{"component", {"компоненті", "компонент", "component"}},
	{"split_in_groups", {"топтарға бөлінеді", "деление на группы", "split in groups"}},
	{"split_language", {"бөлінетін сыныптардың тілі", "язык классов с делением", "language of the split classes"}},
	{"standard_hours", {"стандартты деңгей сағаттары", "часы стандартного уровня", "standard-level hours"}},
	{"advanced_hours", {"тереңдетілген деңгей сағаттары", "часы углублённого уровня", "advanced-level hours"}},
	{"subject_id", {"пән", "предмет", "subject"}},
	{"council_date", {"Педагогикалық кеңес шешімінің күні", "дата решения Педагогического совета",
			  "council decision date"}},
	{"protocol_number", {"хаттама нөмірі", "номер протокола", "protocol number"}},
	{"student_id", {"оқушы", "учащийся", "student"}},
	{"student_ids", {"оқушы", "учащийся", "student"}},
	{"subjects", {"таңдалған пән", "выбранный предмет", "chosen subject"}},
	{"level", {"деңгейі", "уровень", "level"}},
	{"math_programme", {"математика бағдарламасы", "программа по математике", "mathematics programme"}},
	{"filed_on", {"өтініш берілген күн", "дата подачи заявления", "filing date"}},
	{"representative_id", {"заңды өкіл", "законный представитель", "legal representative"}},
	{"teachers", {"мұғалім", "учитель", "teacher"}},
	{"assignments", {"жүктеме жолы", "строка нагрузки", "load line"}},
	{"staff_id", {"қызметкер", "сотрудник", "staff member"}},
	{"group_id", {"топ", "группа", "group"}},
	{"set_hours", {"белгіленген жүктеме", "установленная нагрузка", "set load"}},
	{"elective_hours", {"элективті курс сағаттары", "часы элективных курсов", "elective hours"}},
	{"club_hours", {"үйірме сағаттары", "часы кружков", "club hours"}},
	{"topics", {"тақырып", "тема", "topic"}},
	{"title", {"тақырып атауы", "название темы", "title"}},
	{"value", {"мәні", "значение", "value"}},
	{"lines", {"жол", "строка", "line"}},
	{"attendance", {"қатысу жолы", "строка посещаемости", "attendance row"}},
	{"marks", {"баға жолы", "строка оценок", "mark row"}},
	{"mark", {"баға", "оценка", "mark"}},
	{"work", {"жиынтық жұмыс", "суммативная работа", "summative work"}},
	{"scores", {"ұпай жолы", "строка баллов", "score row"}},
	{"points", {"ұпай", "баллы", "points"}},
	{"max_points", {"ең жоғары ұпай", "максимальный балл", "maximum points"}},
	{"topic_id", {"КТЖ тақырыбы", "тема из КТП", "КТЖ topic"}},
	{"topic", {"сабақ тақырыбы", "тема урока", "lesson topic"}},
	{"homework", {"үй тапсырмасы", "домашнее задание", "homework"}},
	{"missed_reason", {"сабақ өтпеу себебі", "причина непроведения урока", "reason the lesson was not held"}},
	{"weights", {"бөліктердің салмағы", "веса частей", "part weights"}},
	{"formative", {"қалыптастырушы бағалау", "формативное оценивание", "formative assessment"}},
	{"section", {"бөлім бойынша жиынтық бағалау (БЖБ)", "суммативное за раздел (СОР)", "section summative (СОР)"}},
	{"term", {"тоқсандық жиынтық бағалау (ТЖБ)", "суммативное за четверть (СОЧ)", "term summative (СОЧ)"}},
	{"bands", {"баға шегі", "граница оценки", "mark band"}},
	{"year_weights", {"жылдық баға салмақтары", "веса для годовой оценки", "year mark weights"}},
	{"formative_max", {"қалыптастырушы бағаның ең жоғарысы", "высшая формативная оценка", "top formative mark"}},
	{"summative_pooled", {"жиынтық жұмыстар бірге", "суммативные работы вместе", "summative works pooled"}},
	{"default", {"желінің моделі", "модель сети", "network default"}},
};

#define FIELD_LABELS_SIZE (sizeof field_labels / sizeof field_labels[0])

static const char *const language_names[LANG_COUNT][LANG_COUNT] = {
	/* the name of language [column] in language [row] */
	{"қазақша", "орысша", "ағылшынша"},
	{"на казахском", "на русском", "на английском"},
	{"in Kazakh", "in Russian", "in English"},
};

/* The label of the n bytes at `seg`, or NULL when the catalogue does not know them. */
static const char *segment_label(const char *seg, size_t n, unsigned li)
{
	for (size_t i = 0; i < FIELD_LABELS_SIZE; i++)
		if (strlen(field_labels[i].code) == n && strncmp(field_labels[i].code, seg, n) == 0)
			return field_labels[i].text[li];
	return NULL;
}

/* The language a 2-byte path segment names ("kk" of "name.kk"), or -1. */
static int segment_lang(const char *seg, size_t n)
{
	for (int i = 0; n == 2 && i < LANG_COUNT; i++)
		if (strncmp(seg, lang_code((enum lang)i), 2) == 0)
			return i;
	return -1;
}

const char *i18n_field_label(const char *field, enum lang l, char *out, size_t cap)
{
	if (!field)
		return "";
	unsigned li = (unsigned)l < LANG_COUNT ? (unsigned)l : LANG_KK;
	/* A path: segments joined by '.', each maybe with an [index] ("terms[1].starts_on"
	 * → "term 2: start date"); a last segment kk/ru/en names a language ("name.kk"). */
	size_t len = 0;
	out[0] = '\0';
	for (const char *p = field; *p;) {
		size_t seg = strcspn(p, ".");
		const char *br = memchr(p, '[', seg);
		size_t n = br ? (size_t)(br - p) : seg;
		int sub = p != field && !p[seg] ? segment_lang(p, n) : -1;
		const char *label = segment_label(p, n, li);
		int w;
		if (sub >= 0)
			w = snprintf(out + len, cap - len, " (%s)", language_names[li][sub]);
		else if (label && br)
			w = snprintf(out + len, cap - len, "%s%s %ld", len ? ": " : "", label,
				     strtol(br + 1, NULL, 10) + 1);
		else if (label)
			w = snprintf(out + len, cap - len, "%s%s", len ? ": " : "", label);
		else
			break; /* a field the catalogue does not know: shown as sent */
		if (w < 0 || (size_t)w >= cap - len)
			break;
		len += (size_t)w;
		if (!p[seg])
			return out;
		p += seg + 1;
	}
	snprintf(out, cap, "%s", field);
	return out;
}

const char *i18n_field_at(int n)
{
	return n >= 0 && (size_t)n < FIELD_LABELS_SIZE ? field_labels[n].code : NULL;
}

#define CATALOGUE_SIZE (sizeof catalogue / sizeof catalogue[0])

int lang_from_accept(const char *header)
{
	if (!header)
		return -1;
	/* Take the languages in the order written; q-values are rare in practice and
	 * browsers already write them in preference order. */
	const char *p = header;
	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		const char *start = p;
		while (*p && *p != ',' && *p != ';' && *p != '-' && *p != '_')
			p++;
		size_t n = (size_t)(p - start);
		for (int i = 0; i < LANG_COUNT; i++)
			if (n == 2 && strncasecmp(start, lang_code((enum lang)i), 2) == 0)
				return i;
		while (*p && *p != ',')
			p++;
	}
	return -1;
}

static const struct message *find(const char *code)
{
	for (size_t i = 0; i < CATALOGUE_SIZE; i++)
		if (strcmp(catalogue[i].code, code) == 0)
			return &catalogue[i];
	return NULL;
}

const char *i18n_message(const char *code, enum lang l)
{
	const struct message *m = code ? find(code) : NULL;
	if (!m)
		m = find("internal");
	return m->text[(unsigned)l < LANG_COUNT ? l : LANG_KK];
}

int i18n_has(const char *code)
{
	return code && find(code) != NULL;
}

const char *i18n_code_at(int n)
{
	return n >= 0 && (size_t)n < CATALOGUE_SIZE ? catalogue[n].code : NULL;
}
