import { describe, expect, it } from 'vitest';
import {
  documentFileName,
  readDocumentText,
  serializeDocument,
} from '../../../src/store/persistence/index.ts';
import { fixtureDocument } from './document-fixture.ts';

describe('document files', () => {
  it('round-trips a saved file', () => {
    const doc = fixtureDocument();
    expect(readDocumentText(serializeDocument(doc), 'a.json')).toEqual({ ok: true, document: doc });
  });

  it('names the file after the network', () => {
    expect(documentFileName({ ...fixtureDocument(), name: 'My CUBA net!' })).toBe(
      'my-cuba-net.spikelab.json',
    );
    expect(documentFileName({ ...fixtureDocument(), name: '***' })).toBe('network.spikelab.json');
  });

  it('reports an empty file, broken JSON and invalid fields without throwing', () => {
    expect(readDocumentText('  ', 'empty.json')).toEqual({
      ok: false,
      issues: [{ path: '(document)', message: 'empty.json is empty' }],
    });
    expect(readDocumentText('{"format": ', 'cut.json').ok).toBe(false);
    const bad = { ...fixtureDocument(), populations: [{ id: 'x', model: 'lif', size: -1 }] };
    const result = readDocumentText(JSON.stringify(bad), 'bad.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
  });

  it('refuses a document from a newer version of the format', () => {
    const newer = { ...fixtureDocument(), version: 99 };
    const result = readDocumentText(JSON.stringify(newer), 'newer.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.some((i) => i.path.includes('version'))).toBe(true);
  });
});
