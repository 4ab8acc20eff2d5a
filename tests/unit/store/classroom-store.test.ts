import { afterEach, describe, expect, it } from 'vitest';
import { policyViolations } from '../../../src/model/classroom/enforce.ts';
import {
  CLASSROOM_STORAGE_KEY,
  createClassroomStore,
} from '../../../src/store/classroom/policy-store.ts';
import { createDocumentStore } from '../../../src/store/document/store.ts';
import { setEditGuard, setRefusalListener } from '../../../src/store/document/edit-guard.ts';
import type { ValidationIssue } from '../../../src/model/index.ts';
import { fixtureDocument } from './document-fixture.ts';

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

const TAU = 'populations/exc/params/tau_mem';

afterEach(() => {
  setEditGuard(null);
  setRefusalListener(null);
});

describe('classroom store', () => {
  it("keeps the teacher's policy and lesson in storage across a reload", () => {
    const storage = memoryStorage();
    const store = createClassroomStore(storage);
    store.getState().setLocked(TAU, true);
    store.getState().setHidden('ui/palette', true);
    store.getState().setRange('run/duration', { min: 10, max: 100 });
    store.getState().setLesson({ id: 'sc', step: 2 });
    const again = createClassroomStore(storage).getState();
    expect(again.teacherPolicy).toEqual({
      hidden: ['ui/palette'],
      locked: [TAU],
      ranges: { 'run/duration': { min: 10, max: 100 } },
    });
    expect(again.lesson).toEqual({ id: 'sc', step: 2 });
    again.setRange('run/duration', null);
    expect(createClassroomStore(storage).getState().teacherPolicy.ranges).toEqual({});
  });

  it('starts empty from damaged storage', () => {
    const storage = memoryStorage();
    storage.setItem(CLASSROOM_STORAGE_KEY, '{"policy":{"hidden":7}}');
    expect(createClassroomStore(storage).getState().active.hidden).toEqual([]);
    storage.setItem(CLASSROOM_STORAGE_KEY, 'not json');
    expect(createClassroomStore(storage).getState().active.locked).toEqual([]);
  });

  it("enforces the teacher's and the lesson's policy, and in teacher mode the lesson's only", () => {
    const store = createClassroomStore();
    store.getState().setLocked(TAU, true);
    store.getState().setLessonPolicy({ hidden: ['ui/tab-train'], locked: [], ranges: {} });
    expect(store.getState().active.locked).toEqual([TAU]);
    expect(store.getState().active.hidden).toEqual(['ui/tab-train']);
    store.getState().setTeacherMode(true);
    expect(store.getState().active.locked).toEqual([]);
    expect(store.getState().active.hidden).toEqual(['ui/tab-train']);
  });
});

describe('the document store under a policy', () => {
  it('refuses locked and out-of-range edits from every edit path, and says why', () => {
    const classroom = createClassroomStore();
    classroom.getState().setLocked(TAU, true);
    classroom.getState().setRange('populations/inp/params/rate', { min: 1, max: 40 });
    setEditGuard((b, a) => policyViolations(classroom.getState().active, b, a));
    const refused: ValidationIssue[][] = [];
    setRefusalListener((issues) => refused.push(issues));
    const docs = createDocumentStore(fixtureDocument());

    const issues = docs
      .getState()
      .tryApply({ type: 'updatePopulationParams', id: 'exc', params: { tau_mem: 5 } });
    expect(issues).toEqual([
      { path: 'populations.exc.params.tau_mem', message: 'locked by the teacher' },
    ]);
    // `apply` (the path of drags, deletes and pastes) refuses too and reports it.
    docs.getState().apply({ type: 'updatePopulationParams', id: 'exc', params: { tau_mem: 5 } });
    expect(refused).toHaveLength(1);
    docs.getState().select({ populations: ['exc'], projections: [] });
    docs.getState().deleteSelection();
    expect(docs.getState().document.populations.map((p) => p.id)).toContain('exc');
    expect(refused).toHaveLength(2);

    const rate = (value: number) =>
      docs
        .getState()
        .tryApply({ type: 'updatePopulationParams', id: 'inp', params: { rate: value } });
    expect(rate(80)[0]?.message).toMatch(/between 1 and 40/);
    expect(rate(30)).toEqual([]);
    const inp = docs.getState().document.populations.find((p) => p.id === 'inp');
    expect(inp?.params).toEqual({ rate: 30 });
    expect(docs.getState().document.populations.find((p) => p.id === 'exc')?.params).toMatchObject({
      tau_mem: 20,
    });
    // A whole new network (a lesson step's, another link's) is not an edit of locked values.
    const other = fixtureDocument();
    other.populations = other.populations.filter((p) => p.id !== 'exc');
    other.projections = [];
    other.probes = [];
    other.stimuli = [];
    docs.getState().loadDocument(other, { record: false });
    expect(docs.getState().document.populations.map((p) => p.id)).not.toContain('exc');
    expect(refused).toHaveLength(2);
  });
});
