// What the movement book's browser tests share (movement.test, movement-duties,
// externship-plan): dates relative to the day the test runs (the server's day is
// Almaty's, UTC+5) and an externship taken to its order through the API (the steps'
// pages have their own test).
import assert from 'node:assert/strict';
import { apiSession } from './harness.mjs';

export const DAY = 86400 * 1000;
export const isoOf = (ms) => new Date(ms).toISOString().slice(0, 10);
export const dmy = (iso) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
export const todayMs = Date.parse(isoOf(Date.now() + 5 * 3600 * 1000));
export const TODAY = isoOf(todayMs);
/* 25 May of the school year the test runs in */
export const yearEnd = `${Number(TODAY.slice(5, 7)) >= 9 ? Number(TODAY.slice(0, 4)) + 1 : TODAY.slice(0, 4)}-05-25`;
export const noSideScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

/* A grade-8 student of the director's school without any application, taken through the
 * steps to the order today for starts..ends (order number `number`): {student, caseId}. */
export async function orderedExternship({ starts, ends, number }) {
  const deputy = await apiSession('deputy');
  const director = await apiSession('director');
  const me = await director('GET', '/me');
  const classes = (await deputy('GET', `/schools/${me.user.school_id}/classes?limit=500`)).items.filter((c) => c.grade === 8);
  for (const cls of classes.reverse()) {
    for (const s of (await deputy('GET', `/classes/${cls.id}/students?limit=50`)).items) {
      if (s.status !== 'studying' || (await deputy('GET', `/students/${s.id}/movements`)).cases.length) continue;
      const c = await deputy('POST', `/students/${s.id}/applications`, {
        kind: 'externship', ground: 'student_admitted_abroad', starts_on: starts, ends_on: ends,
        documents: ['study_abroad_proof'], foreign_school: 'Harrow School', representative_mobile: '+77011234567',
        representative_email: 'ata-ana@example.kz', student_email: 'oqushy@example.kz',
      });
      await deputy('POST', `/applications/${c.id}/documents-checked`, {});
      await deputy('POST', `/applications/${c.id}/decision`, { date: TODAY, protocol_number: '9', approved: true, council: 'small' });
      await director('POST', `/applications/${c.id}/order`, { number, date: TODAY, starts_on: starts, ends_on: ends });
      return { student: s, caseId: c.id };
    }
  }
  assert.fail('no grade-8 student without an application');
}
