import { useEffect } from 'react';
import { useClassroomStore } from '../../store/classroom/index.ts';
import { isTypingTarget } from '../common/keyboard.ts';

/**
 * Ctrl+Alt+T switches teacher mode on and off. A teacher may hide the Teacher switch from
 * students (`ui/teacher-switch`); this is how the teacher gets it back on the classroom's
 * machines. It is not a lock: nothing in a page that runs in the student's browser is.
 */
export function useTeacherShortcut(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.ctrlKey || !event.altKey || event.key.toLowerCase() !== 't') return;
      if (isTypingTarget(event.target)) return;
      event.preventDefault();
      const { teacherMode, setTeacherMode } = useClassroomStore.getState();
      setTeacherMode(!teacherMode);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
