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

export const routes = [
  ['/', Home],
  ['/schools', SchoolsPage],
  ['/schools/:id', SchoolPage],
  ['/schools/:id/students', SchoolStudentsPage],
  ['/schools/:id/staff', SchoolStaffPage],
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
