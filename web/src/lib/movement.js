// The students' movement book (issue 7): the kinds of application, the grounds of
// externship (EXT-3) and the documents each kind asks for (EXT-4, LV-1, EXT-11, LV-8), as
// docs/movement.md names them (the regulation's own words in Kazakh).
import { locale, t } from './i18n.svelte.js';

export const KINDS = ['externship', 'academic_leave', 'externship_return', 'leave_return'];

/** The grounds of A1§4 (EXT-3). */
export const GROUNDS = ['student_admitted_abroad', 'representative_posted_abroad', 'representative_resides_abroad'];

/** The documents of A1§7, A1§12, A2§5, A2§11: code → {kk, ru, en}. */
export const DOCUMENTS = {
  study_abroad_proof: {
    kk: 'Шетелдік оқу орнынан шақыру немесе шетелде оқитынын растайтын басқа құжат',
    ru: 'Приглашение зарубежной организации образования или иной документ, подтверждающий обучение за рубежом',
    en: 'Invitation from the foreign school or another document proving study abroad',
  },
  posting_abroad_proof: {
    kk: 'Заңды өкілдердің шетелдік мекемелерге жұмысқа жіберілгенін растайтын құжат',
    ru: 'Документ, подтверждающий направление законных представителей на работу в зарубежные организации',
    en: 'Document proving that the legal representatives are sent to work at a foreign institution',
  },
  residence_abroad_certificate: {
    kk: 'Заңды өкілдердің шетелде уақытша тұруы туралы анықтама',
    ru: 'Справка о временном проживании законных представителей за рубежом',
    en: "Certificate of the legal representatives' temporary residence abroad",
  },
  visa: {
    kk: 'Визаны алғанын растайтын құжат (қажет болған жағдайда)',
    ru: 'Документ, подтверждающий получение визы (при необходимости)',
    en: 'Document proving that the visa was obtained (where one is needed)',
  },
  foreign_transcript: {
    kk: 'Шетелдік оқу орнында оқу бағдарламаларын игергенін (сағат саны, пәндер бойынша бағалар (балдар)) растайтын құжаттар',
    ru: 'Документы, подтверждающие освоение учебных программ в зарубежной организации образования (количество часов, оценки (баллы) по предметам)',
    en: 'Documents proving the programmes mastered at the foreign school (hours, marks (points) per subject)',
  },
  vkk_conclusion: {
    kk: 'Амбулаториялық-емханалық ұйым жанындағы дәрігерлік-кеңестің комиссияның қорытындылары',
    ru: 'Заключение врачебно-консультативной комиссии (ВКК) при амбулаторно-поликлинической организации',
    en: 'Conclusion of the medical advisory commission (VKK) of an outpatient clinic',
  },
  specialised_conclusion: {
    kk: 'Тиісті мамандандырылған медициналық ұйымның (бөлімшенің, кабинеттің) қорытындысы (туберкулез, психикалық, тері-венерологиялық, онкологиялық аурулар, АИТВ/ЖИТС)',
    ru: 'Заключение специализированной медицинской организации (отделения, кабинета) по туберкулёзу, психическим, кожно-венерологическим, онкологическим заболеваниям, ВИЧ/СПИДу',
    en: 'Conclusion of the relevant specialised medical organisation (tuberculosis, mental, skin and venereal, oncological diseases or HIV/AIDS)',
  },
  health_certificate: {
    kk: 'Науқасты бақылаған медициналық ұйымның Зияткерлік мектепте оқуды жалғастыру мүмкіндігі туралы қорытындымен денсаулығы туралы анықтамасы',
    ru: 'Справка о состоянии здоровья от наблюдавшей медицинской организации с заключением о возможности продолжения обучения в Интеллектуальной школе',
    en: 'Certificate of health from the medical organisation that observed the student, with its conclusion that the student may continue at the school',
  },
  inpatient_report_card: {
    kk: 'Оқушының оқу үлгерімі туралы табель',
    ru: 'Табель успеваемости обучающегося (из организации, оказывающей стационарную помощь или медицинскую реабилитацию)',
    en: "Report card of the student's progress (from the inpatient or rehabilitation organisation)",
  },
};

/** The name of a document in the interface's language. */
export function documentName(code) {
  const names = DOCUMENTS[code];
  return names ? names[locale.lang] || names.kk : code;
}

/** The documents an application of this kind may list, in the order of the rules. */
export function documentsOf(kind) {
  switch (kind) {
    case 'externship':
      return ['study_abroad_proof', 'posting_abroad_proof', 'residence_abroad_certificate', 'visa'];
    case 'externship_return':
      return ['foreign_transcript'];
    case 'academic_leave':
      return ['vkk_conclusion', 'specialised_conclusion'];
    case 'leave_return':
      return ['health_certificate', 'inpatient_report_card'];
    default:
      return [];
  }
}

/** Whether a document is required: 'yes', 'one_of' (one of the medical conclusions), or
 * 'if' (the visa where one is needed, the report card after inpatient study), or ''. */
export function documentNeed(kind, ground, code, { visa = false, inpatient = false } = {}) {
  if (kind === 'externship') {
    if (code === 'study_abroad_proof') return 'yes';
    if (code === 'posting_abroad_proof') return ground === 'representative_posted_abroad' ? 'yes' : '';
    if (code === 'residence_abroad_certificate') return ground === 'representative_resides_abroad' ? 'yes' : '';
    if (code === 'visa') return visa ? 'yes' : 'if';
  }
  if (kind === 'externship_return') return 'yes';
  if (kind === 'academic_leave') return 'one_of';
  if (kind === 'leave_return') {
    if (code === 'health_certificate') return 'yes';
    return inpatient ? 'yes' : 'if';
  }
  return '';
}

/** The steps of a case, in order, for its kind: an early return from externship has no
 * council (A1§12). */
export function stepsOf(kind) {
  return kind === 'externship_return' ? ['filed', 'documents_checked', 'ordered'] : ['filed', 'documents_checked', 'decided', 'ordered'];
}

/** Whether a case is still open (not refused, withdrawn or done). */
export function isOpen(c) {
  return !['refused', 'withdrawn', 'done'].includes(c.status);
}

/** The tone of a case status for a badge. */
export function caseTone(status) {
  if (status === 'done') return 'good';
  if (status === 'refused' || status === 'withdrawn') return 'neutral';
  return 'info';
}

/** The name of a kind of application ("Экстернат" is the student's status's word). */
export function kindLabel(kind) {
  return kind === 'externship' ? t('status.externship') : t(`mv.kind.${kind}`);
}

/** Who answers for a deadline: the roles' own names where there are ones. */
export function actorLabel(actor) {
  if (actor === 'director') return t('role.director');
  if (actor === 'curator') return t('class.curator');
  return t(`mv.actor.${actor}`);
}

/** The languages a document is offered in: the interface's, Kazakh or Russian; both when
 * the interface is English (the regulation's forms are in Kazakh and Russian). */
export function documentLangs() {
  return locale.lang === 'en' ? ['kk', 'ru'] : [locale.lang];
}

/** The address of a case's PDF: what is 'form', 'order' or 'schedule'. */
export function documentHref(caseId, what, lang) {
  return `/api/v1/applications/${caseId}/${what}.pdf?lang=${lang}`;
}
