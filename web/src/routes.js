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
import SchoolTimetablesPage from './pages/SchoolTimetablesPage.svelte';
import TimetablePage from './pages/TimetablePage.svelte';
import SchoolFormPage from './pages/SchoolFormPage.svelte';
import ClassFormPage from './pages/ClassFormPage.svelte';
import StaffFormPage from './pages/StaffFormPage.svelte';
import SubjectFormPage from './pages/SubjectFormPage.svelte';
import RepresentativeEditPage from './pages/RepresentativeEditPage.svelte';
import SchoolYearsPage from './pages/SchoolYearsPage.svelte';
import YearPage from './pages/YearPage.svelte';
import NotFixedPage from './pages/NotFixedPage.svelte';
import HolidaysPage from './pages/HolidaysPage.svelte';
import SchoolCurriculaPage from './pages/SchoolCurriculaPage.svelte';
import CurriculumPage from './pages/CurriculumPage.svelte';
import ClassGroupsPage from './pages/ClassGroupsPage.svelte';
import LoadReportPage from './pages/LoadReportPage.svelte';
import TypicalCurriculumPage from './pages/TypicalCurriculumPage.svelte';
import KtpPage from './pages/KtpPage.svelte';
import StudentChoicePage from './pages/StudentChoicePage.svelte';
import SchoolChoicesPage from './pages/SchoolChoicesPage.svelte';
import LoadEditPage from './pages/LoadEditPage.svelte';
import KtpPlanPage from './pages/KtpPlanPage.svelte';
import DiaryPage from './pages/DiaryPage.svelte';
import JournalGridPage from './pages/JournalGridPage.svelte';
import JournalLatePage from './pages/JournalLatePage.svelte';
import JournalReportPage from './pages/JournalReportPage.svelte';
import LessonCoverPage from './pages/LessonCoverPage.svelte';
import TodayPage from './pages/TodayPage.svelte';
import LessonJournalPage from './pages/LessonJournalPage.svelte';
import MovementBookPage from './pages/MovementBookPage.svelte';
import ApplicationFormPage from './pages/ApplicationFormPage.svelte';
import ApplicationPage from './pages/ApplicationPage.svelte';
import DeadlinesPage from './pages/DeadlinesPage.svelte';
import StudentElectivesPage from './pages/StudentElectivesPage.svelte';
import SchoolElectivesPage from './pages/SchoolElectivesPage.svelte';
import ElectiveCoursePage from './pages/ElectiveCoursePage.svelte';
import ElectiveGroupPage from './pages/ElectiveGroupPage.svelte';
import ClubsPage from './pages/ClubsPage.svelte';
import ClubPage from './pages/ClubPage.svelte';
import YearEndPage from './pages/YearEndPage.svelte';
import PlanPage from './pages/PlanPage.svelte';
import ContingentInboxPage from './pages/ContingentInboxPage.svelte';
import OutboxPage from './pages/OutboxPage.svelte';
import ContingentPage from './pages/ContingentPage.svelte';
import LearningRoutePage from './pages/LearningRoutePage.svelte';
import LearningRouteFormPage from './pages/LearningRouteFormPage.svelte';
import SchoolLearningRoutesPage from './pages/SchoolLearningRoutesPage.svelte';

export const routes = [
  ['/', Home],
  ['/schools', SchoolsPage],
  ['/schools/new', SchoolFormPage],
  ['/schools/:id', SchoolPage],
  ['/schools/:id/edit', SchoolFormPage],
  ['/schools/:school/classes/new', ClassFormPage],
  ['/schools/:school/staff/new', StaffFormPage],
  ['/schools/:id/students', SchoolStudentsPage],
  ['/schools/:id/staff', SchoolStaffPage],
  ['/schools/:id/years', SchoolYearsPage],
  ['/years/:id', YearPage],
  ['/calendar/not-fixed', NotFixedPage],
  ['/calendar/holidays', HolidaysPage],
  ['/schools/:id/curricula', SchoolCurriculaPage],
  ['/curricula/typical', TypicalCurriculumPage],
  ['/curricula/:id', CurriculumPage],
  ['/classes/:id/groups', ClassGroupsPage],
  ['/classes/:id/ktp', KtpPlanPage],
  ['/classes/:id/year-end', YearEndPage],
  ['/schools/:id/load-report', LoadReportPage],
  ['/schools/:id/ktp', KtpPage],
  ['/schools/:id/load', LoadEditPage],
  ['/schools/:id/choices', SchoolChoicesPage],
  ['/classes/:id', ClassPage],
  ['/classes/:id/edit', ClassFormPage],
  ['/students/new', StudentFormPage],
  ['/students/:student/learning-routes/new', LearningRouteFormPage],
  ['/students/:id', StudentPage],
  ['/students/:id/edit', StudentFormPage],
  ['/students/:id/choices', StudentChoicePage],
  ['/students/:id/electives', StudentElectivesPage],
  ['/schools/:id/electives', SchoolElectivesPage],
  ['/electives/:id', ElectiveCoursePage],
  ['/elective-groups/:id', ElectiveGroupPage],
  ['/schools/:id/clubs', ClubsPage],
  ['/clubs/:id', ClubPage],
  ['/schools/:id/learning-routes', SchoolLearningRoutesPage],
  ['/learning-routes/:id', LearningRoutePage],
  ['/learning-routes/:id/edit', LearningRouteFormPage],
  ['/students/:id/representatives/new', RepresentativeLinkPage],
  ['/representatives', RepresentativesPage],
  ['/representatives/:id', RepresentativePage],
  ['/representatives/:id/edit', RepresentativeEditPage],
  ['/staff/:id', StaffMemberPage],
  ['/staff/:id/edit', StaffFormPage],
  ['/subjects', SubjectsPage],
  ['/subjects/new', SubjectFormPage],
  ['/subjects/:id', SubjectPage],
  ['/subjects/:id/edit', SubjectFormPage],
  ['/schools/:id/timetables', SchoolTimetablesPage],
  ['/timetables/:id', TimetablePage],
  ['/diary', DiaryPage],
  ['/schools/:id/journal', JournalGridPage],
  ['/schools/:id/journal/late', JournalLatePage],
  ['/schools/:id/journal/report', JournalReportPage],
  ['/lessons/:id/cover', LessonCoverPage],
  ['/today', TodayPage],
  ['/lessons/:id/journal', LessonJournalPage],
  ['/students/:id/movements', MovementBookPage],
  ['/students/:id/applications/new', ApplicationFormPage],
  ['/students/:student/applications/:id', ApplicationPage],
  ['/students/:student/applications/:id/plan', PlanPage],
  ['/schools/:id/deadlines', DeadlinesPage],
  ['/contingent/inbox', ContingentInboxPage],
  ['/outbox', OutboxPage],
  ['/reports/contingent', ContingentPage],
];
