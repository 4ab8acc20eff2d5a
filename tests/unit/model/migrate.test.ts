import { describe, expect, it } from 'vitest';
import type { Migration } from '../../../src/model/index.ts';
import {
  DOCUMENT_VERSION,
  MIGRATIONS,
  migrateDocument,
  validateDocument,
} from '../../../src/model/index.ts';
import { issuesOf, looseDocument } from './helpers.ts';

describe('format tag and version', () => {
  it('refuses a file from a newer Spikelab, saying which versions it reads', () => {
    const doc = { ...looseDocument(), version: 2 };
    expect(issuesOf(doc)).toEqual([
      'version: this file was written by a newer Spikelab (format version 2); this version reads up to 1',
    ]);
  });

  it('says a file without the format tag is not a Spikelab network', () => {
    const doc = looseDocument();
    delete doc.format;
    expect(issuesOf(doc)).toEqual([
      'format: required field is missing; this is not a Spikelab network (expected "format": "spikelab-network")',
    ]);
    expect(issuesOf({ ...doc, format: 'nir' })).toEqual([
      'format: must be "spikelab-network", got "nir": this is not a Spikelab network',
    ]);
  });

  it('refuses a missing or malformed version', () => {
    const doc = looseDocument();
    delete doc.version;
    expect(issuesOf(doc)).toEqual(['version: required field is missing']);
    expect(issuesOf({ ...doc, version: '1' })).toEqual([
      'version: must be a whole number, got "1"',
    ]);
    expect(issuesOf({ ...doc, version: 0.5 })).toEqual([
      'version: must be a whole number, got 0.5',
    ]);
  });

  it('refuses values that are not objects at all', () => {
    expect(issuesOf([])).toEqual([
      '(document): must be a Spikelab network (a JSON object), got an array',
    ]);
    expect(issuesOf('cuba.json')).toEqual([
      '(document): must be a Spikelab network (a JSON object), got "cuba.json"',
    ]);
  });

  it('has no migrations yet: version 1 is the first format', () => {
    expect(DOCUMENT_VERSION).toBe(1);
    expect(MIGRATIONS).toEqual([]);
  });
});

describe('the migration chain (with an injected history)', () => {
  // A synthetic history: v1 -> v2 renames `populations` to `groups`, v2 -> v3 moves it back
  // and records that it passed. Validation then sees a normal current document.
  const history: Migration[] = [
    {
      from: 2,
      to: 3,
      migrate: ({ groups, ...rest }) => ({
        ...rest,
        populations: groups,
        name: `${String(rest.name)} (v3)`,
      }),
    },
    { from: 1, to: 2, migrate: ({ populations, ...rest }) => ({ ...rest, groups: populations }) },
  ];

  it('chains migrations in order and stamps each new version', () => {
    const input = looseDocument();
    const snapshot = JSON.stringify(input);
    const result = migrateDocument(input, { migrations: history, currentVersion: 3 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.version).toBe(3);
    expect(result.value.name).toBe('fixture (v3)');
    expect(result.value.populations).toEqual(input.populations);
    expect(result.value).not.toHaveProperty('groups');
    // Migrations must not touch the caller's value.
    expect(JSON.stringify(input)).toBe(snapshot);
  });

  it('starts in the middle of the history for a middle version', () => {
    const { populations, ...rest } = looseDocument();
    const v2 = { ...rest, version: 2, groups: populations };
    const result = migrateDocument(v2, { migrations: history, currentVersion: 3 });
    expect(result.ok && result.value.populations).toEqual(populations);
  });

  it('reports a gap in the history and a migration that throws', () => {
    const gap = migrateDocument(looseDocument(), {
      migrations: history.slice(0, 1),
      currentVersion: 3,
    });
    expect(gap).toEqual({
      ok: false,
      issues: [
        { path: 'version', message: 'format version 1 cannot be read: no migration to version 2' },
      ],
    });
    const broken: Migration[] = [
      {
        from: 1,
        to: 2,
        migrate: () => {
          throw new Error('no populations to rename');
        },
      },
    ];
    expect(migrateDocument(looseDocument(), { migrations: broken, currentVersion: 2 })).toEqual({
      ok: false,
      issues: [
        {
          path: 'version',
          message: 'upgrading from format version 1 to 2 failed: no populations to rename',
        },
      ],
    });
  });

  it('is what validateDocument runs first', () => {
    const toV1: Migration[] = [
      { from: 0, to: 1, migrate: ({ neurons, ...rest }) => ({ ...rest, populations: neurons }) },
    ];
    const { populations, ...rest } = looseDocument();
    const v0 = { ...rest, version: 0, neurons: populations };
    expect(validateDocument(v0).ok).toBe(false);
    const result = validateDocument(v0, { migrations: toV1 });
    expect(result.ok && result.document.populations.map((p) => p.id)).toEqual([
      'input',
      'exc',
      'gen',
    ]);
  });
});
