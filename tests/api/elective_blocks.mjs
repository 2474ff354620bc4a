// A school's elective courses shaped so that grade 7 has an elective block (TT-4, A3§10;
// ELE-3), made through the API as a deputy would: the demo's courses of the year closed,
// grade 7 given 3 elective hours (its students keep the demo's two 1-hour choices), two
// 1-hour courses with approved programmes, 16 grade-7 students of several classes
// choosing them, and four groups with three teachers — more groups than block hours, so
// two of them meet at once. Shared by tests/api/timetable_electives.test.mjs and
// tests/browser/timetable-electives.test.mjs; `call(method, path, body)` is the deputy's
// API call that gives the reply's JSON and fails on anything but 200/201.
const criteria = Object.fromEntries(
  ['novelty', 'motivation', 'development', 'completeness', 'sequence', 'active_methods', 'control', 'realism',
    'structure'].map((k) => [k, { score: 3, comment: 'ok' }]),
);
const programme = {
  author: 'Сейітова Ә.',
  year_label: '2026-2027',
  explanatory_note: 'Мақсаты.',
  content: 'Мазмұны.',
  recommendations: 'Әдістер.',
  literature: 'Әдебиет.',
  plan: [{ section: '1', topic: 'Кіріспе', hours: 34, form: 'практикум' }],
};

/** Makes the courses and groups; gives {year, courses, groups: [{id, name, staff_id,
 * members}], teachers, students, grade: 7}. */
export async function electiveBlockSchool(call, school) {
  const versions = (await call('GET', `/schools/${school}/timetables`)).items;
  const year = versions.find((v) => v.status === 'approved' && v.semester === 1).academic_year_id;
  for (const c of (await call('GET', `/schools/${school}/electives?limit=500`)).items)
    if (c.active && c.academic_year_id === year) await call('PATCH', `/electives/${c.id}`, { active: false });
  const curriculum = (await call('GET', `/schools/${school}/curricula`)).items.find((c) => c.academic_year_id === year);
  const limits = (await call('GET', `/curricula/${curriculum.id}/electives`)).grades;
  await call('PUT', `/curricula/${curriculum.id}/electives`, {
    grades: limits.map((g) => (g.grade === 7 ? { grade: 7, elective_hours: 3, max_weekly_hours: 40 } : g)),
  });

  const teachers = (await call('GET', `/schools/${school}/staff?role=teacher&limit=500`)).items.slice(0, 3).map((s) => s.id);
  const classes = (await call('GET', `/schools/${school}/classes?limit=500`)).items
    .filter((c) => c.grade === 7 && c.academic_year_id === year);
  const students = [];
  for (const c of classes.slice(0, 4)) {
    const list = (await call('GET', `/classes/${c.id}/students?limit=100`)).items.filter((s) => s.status === 'studying');
    students.push(...list.slice(0, 4).map((s) => s.id));
  }

  const course = async (title, staff) => {
    const c = await call('POST', `/schools/${school}/electives`, {
      title, kind: 'interest', direction: 'it', grade_from: 7, grade_to: 7, hours: 1, staff_id: staff,
    });
    await call('PUT', `/electives/${c.id}/programme`, programme);
    await call('POST', `/electives/${c.id}/reviews`, { reviewer: 'Әбенова Г.', reviewed_on: '2026-06-10', criteria });
    await call('POST', `/electives/${c.id}/programme/approve`, { date: '2026-06-20', protocol_number: '7' });
    return c;
  };
  const robotics = await course({ kk: 'Робототехника', ru: 'Робототехника', en: 'Robotics' }, teachers[0]);
  const chess = await course({ kk: 'Шахмат', ru: 'Шахматы', en: 'Chess' }, teachers[2]);
  // robotics: the first 8 students, chess the other 8; each student in one group
  const a = students.slice(0, 8), b = students.slice(8, 16);
  for (const s of a) await call('POST', `/students/${s}/electives`, { course_id: robotics.id });
  for (const s of b) await call('POST', `/students/${s}/electives`, { course_id: chess.id });
  const group = async (c, name, staff, members) => ({
    ...(await call('POST', `/electives/${c.id}/groups`, { name, staff_id: staff, members: members.map((id) => ({ student_id: id })) })),
    staff_id: staff,
    members,
  });
  const groups = [
    await group(robotics, 'R1', teachers[0], a.slice(0, 4)),
    await group(robotics, 'R2', teachers[1], a.slice(4, 8)),
    await group(chess, 'C1', teachers[2], b.slice(0, 4)),
    await group(chess, 'C2', teachers[0], b.slice(4, 8)),
  ];
  return { year, courses: [robotics, chess], groups, teachers, students, grade: 7 };
}
