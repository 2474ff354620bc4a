// The app's pages by address. Order matters: the first pattern that matches wins.
import Home from './pages/Home.svelte';
import SchoolsPage from './pages/SchoolsPage.svelte';
import SchoolPage from './pages/SchoolPage.svelte';
import SchoolStudentsPage from './pages/SchoolStudentsPage.svelte';
import SchoolStaffPage from './pages/SchoolStaffPage.svelte';
import ClassPage from './pages/ClassPage.svelte';
import StudentPage from './pages/StudentPage.svelte';
import StudentFormPage from './pages/StudentFormPage.svelte';
import RepresentativeLinkPage from './pages/RepresentativeLinkPage.svelte';
import RepresentativesPage from './pages/RepresentativesPage.svelte';
import RepresentativePage from './pages/RepresentativePage.svelte';
import StaffMemberPage from './pages/StaffMemberPage.svelte';
import SubjectsPage from './pages/SubjectsPage.svelte';
import SubjectPage from './pages/SubjectPage.svelte';
import SchoolYearsPage from './pages/SchoolYearsPage.svelte';
import YearPage from './pages/YearPage.svelte';
import NotFixedPage from './pages/NotFixedPage.svelte';
import HolidaysPage from './pages/HolidaysPage.svelte';

export const routes = [
  ['/', Home],
  ['/schools', SchoolsPage],
  ['/schools/:id', SchoolPage],
  ['/schools/:id/students', SchoolStudentsPage],
  ['/schools/:id/staff', SchoolStaffPage],
  ['/schools/:id/years', SchoolYearsPage],
  ['/years/:id', YearPage],
  ['/calendar/not-fixed', NotFixedPage],
  ['/calendar/holidays', HolidaysPage],
  ['/classes/:id', ClassPage],
  ['/students/new', StudentFormPage],
  ['/students/:id', StudentPage],
  ['/students/:id/edit', StudentFormPage],
  ['/students/:id/representatives/new', RepresentativeLinkPage],
  ['/representatives', RepresentativesPage],
  ['/representatives/:id', RepresentativePage],
  ['/staff/:id', StaffMemberPage],
  ['/subjects', SubjectsPage],
  ['/subjects/:id', SubjectPage],
];
