/**
 * The header's switch between the lab (the network editor) and the Learn view. Leaving the lab
 * unmounts only its panels: the network lives in the document store and autosave, so it is
 * there, unchanged, on return. The Learn button reopens the step last visited.
 */
import { navigate, useRoute } from './useRoute.ts';
import { LAB_ROUTE, type AppRoute } from './route.ts';
import { findLesson } from './lessons.ts';

// The lesson step to reopen; the first lesson's start until one is visited.
let lastLesson: AppRoute = { view: 'learn', lesson: findLesson(null).id, step: 1 };

export function ViewSwitch() {
  const [route] = useRoute();
  if (route.view === 'learn') lastLesson = route;
  return (
    <nav className="view-switch" aria-label="View">
      <button
        type="button"
        className="view-tab"
        aria-current={route.view === 'lab' ? 'page' : undefined}
        onClick={() => navigate(LAB_ROUTE)}
      >
        Lab
      </button>
      <button
        type="button"
        className="view-tab"
        aria-current={route.view === 'learn' || route.view === 'lesson' ? 'page' : undefined}
        title="Interactive lessons: the stochastic-computing tutorial"
        onClick={() => navigate(lastLesson)}
      >
        Learn
      </button>
    </nav>
  );
}
