// movement_cases — cases of the movement book that the tests of what follows an order
// share (duties.test.mjs, mail.test.mjs): an externship registered by the deputy from a
// paper application and taken through its steps on given dates, and a sign-in for the
// curator of a student's class.
import assert from 'node:assert/strict';

import { PASSWORD } from './server.mjs';

const step = (id, what) => `/api/v1/applications/${id}/${what}`;

/* An externship of `student` filed on `filed`; with `checked`, also checked, approved on
 * `decided` and ordered (number, date `order`, period starts..ends). Returns the case id. */
export async function externshipCase(srv, student, { filed, checked, decided, order, starts, ends, number }) {
  const r = await srv.as('deputy_academic', 'POST', `/api/v1/students/${student.id}/applications`, {
    kind: 'externship', ground: 'student_admitted_abroad', starts_on: starts, ends_on: ends,
    documents: ['study_abroad_proof'], foreign_school: 'Harrow School', representative_mobile: '+77011234567',
    representative_email: 'ata-ana@example.kz', student_email: 'oqushy@example.kz', filed_on: filed,
  });
  assert.equal(r.status, 201, r.text);
  const id = r.body.id;
  if (!checked) return id;
  const c = await srv.as('deputy_academic', 'POST', step(id, 'documents-checked'), { date: checked });
  assert.equal(c.status, 200, c.text);
  const d = await srv.as('deputy_academic', 'POST', step(id, 'decision'),
    { date: decided, protocol_number: '3', approved: true, council: 'pedagogical' });
  assert.equal(d.status, 200, d.text);
  const o = await srv.as('director', 'POST', step(id, 'order'), { number, date: order, starts_on: starts, ends_on: ends });
  assert.equal(o.status, 200, o.text);
  return id;
}

/* A teacher's sign-in (login `login`) for the curator of the student's class. */
export async function curatorLogin(srv, student, schoolCode, login) {
  const cls = await srv.get('deputy_academic', `/api/v1/classes/${student.class_id}`);
  assert.ok(cls.curator, 'the class has a curator');
  const staff = await srv.get('deputy_academic', `/api/v1/staff/${cls.curator.id}`);
  srv.cli(['user', 'add', '--login', login, '--password', PASSWORD, '--role', 'teacher', '--school', schoolCode,
    '--person', String(staff.person_id ?? staff.id)]);
  return login;
}
