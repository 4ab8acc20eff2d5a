/** Document ids from NIR node names: readable, valid, unique in the document's one namespace. */

/**
 * `name` with anything but letters, digits, `_`, `-` and `.` replaced by `_`, made unique
 * against `taken` (`lif`, `lif_2`, ...), and added to it.
 *
 * @example claimId('conv 1', new Set(['conv_1'])) // 'conv_1_2'
 */
export function claimId(name: string, taken: Set<string>): string {
  const clean = name.replace(/[^A-Za-z0-9_.-]/g, '_');
  const stem = clean === '' ? 'node' : clean;
  let id = stem;
  for (let n = 2; taken.has(id); n += 1) id = `${stem}_${n}`;
  taken.add(id);
  return id;
}
