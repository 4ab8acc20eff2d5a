import { useEffect } from 'react';
import { useClassroomStore } from '../../store/classroom/index.ts';

/**
 * Ctrl+Alt+T switches teacher mode on and off. A teacher may hide the Teacher switch from
 * students (`ui/teacher-switch`); this is how the teacher gets it back on the classroom's
 * machines. It is not a lock: nothing in a page that runs in the student's browser is. It works
 * in text fields too: Ctrl+Alt+T types nothing (where AltGr+T types a character, `key` is that
 * character, not `t`).
 */
export function useTeacherShortcut(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.ctrlKey || !event.altKey || event.key.toLowerCase() !== 't') return;
      event.preventDefault();
      const { teacherMode, setTeacherMode } = useClassroomStore.getState();
      setTeacherMode(!teacherMode);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
