/**
 * What a teacher's link does once its network is open: the link's policy becomes the page's
 * teacher policy (in student mode, so it is enforced at once), and a lesson in the link opens
 * at its step. A link without a policy leaves the page's policy as it was.
 */
import type { LessonRef } from '../../model/classroom/lesson-ref.ts';
import type { ControlPolicy } from '../../model/classroom/policy.ts';
import { classroomStore } from '../../store/classroom/index.ts';
import { parseRoute } from '../learn/route.ts';

/** The hash that opens a lesson step: the lesson route where it exists, else the Learn view. */
export function lessonHash(lesson: LessonRef): string {
  const own = `#/lesson/${lesson.id}/${lesson.step}`;
  return parseRoute(own).view === 'lab' ? `#/learn/${lesson.id}/${lesson.step}` : own;
}

export function applySharedClassroom(policy: ControlPolicy | null, lesson: LessonRef | null): void {
  const classroom = classroomStore.getState();
  if (policy !== null) {
    classroom.setTeacherPolicy(policy);
    classroom.setTeacherMode(false);
  }
  if (lesson !== null) {
    classroom.setLesson(lesson);
    window.location.hash = lessonHash(lesson);
  }
}
