import { describe, expect, it } from 'vitest';
import {
  checkImportForm,
  DEFAULT_IMPORT_FORM,
  MAX_IMPORT_STEPS,
} from '../../../../src/app/interchange/import-form.ts';

describe('checkImportForm', () => {
  it('turns the default form (1e-3 s, exact, 100 ms) into options of 100 steps of 1 ms', () => {
    expect(checkImportForm(DEFAULT_IMPORT_FORM)).toEqual({
      ok: true,
      options: { dt: 1e-3, timeUnit: 's', discretisation: 'exact', duration: 100 },
      dtMs: 1,
      steps: 100,
    });
  });

  it('reads dt in the chosen unit: 0.5 ms is 0.5 ms, 0.5 s is 500 ms', () => {
    const ms = checkImportForm({ ...DEFAULT_IMPORT_FORM, dt: ' 0.5 ', timeUnit: 'ms' });
    expect(ms.ok && [ms.dtMs, ms.steps, ms.options.dt]).toEqual([0.5, 200, 0.5]);
    const s = checkImportForm({ ...DEFAULT_IMPORT_FORM, dt: '0.5', duration: '1000' });
    expect(s.ok && [s.dtMs, s.steps]).toEqual([500, 2]);
  });

  it('names the field and the text of a dt that is not a positive number', () => {
    for (const dt of ['', '0', '-1e-3', '1ms', 'Infinity']) {
      const check = checkImportForm({ ...DEFAULT_IMPORT_FORM, dt });
      expect(check).toEqual({
        ok: false,
        field: 'dt',
        message: `dt: "${dt}" is not a positive number`,
      });
    }
  });

  it('refuses a duration shorter than one step or of too many steps', () => {
    const short = checkImportForm({ ...DEFAULT_IMPORT_FORM, duration: '0.2' });
    expect(short).toMatchObject({ ok: false, field: 'duration' });
    expect(!short.ok && short.message).toContain('shorter than one step (1 ms)');
    const long = checkImportForm({
      ...DEFAULT_IMPORT_FORM,
      duration: String(MAX_IMPORT_STEPS + 1),
    });
    expect(!long.ok && long.message).toContain(`at most ${MAX_IMPORT_STEPS}`);
    expect(checkImportForm({ ...DEFAULT_IMPORT_FORM, duration: 'x' })).toMatchObject({
      ok: false,
      field: 'duration',
    });
  });

  it('passes the discretisation through', () => {
    const check = checkImportForm({ ...DEFAULT_IMPORT_FORM, discretisation: 'euler' });
    expect(check.ok && check.options.discretisation).toBe('euler');
  });
});
