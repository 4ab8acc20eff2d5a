/**
 * The first bits of aligned streams drawn as rows of cells, a filled cell for a 1, cut into
 * blocks so bit i of every stream sits in the same column. Each row is an image to assistive
 * technology, named with its stream and its count of ones.
 */
import { bitBlocks, countOnes } from './bit-rows.ts';

export interface BitRow {
  /** Stream name as the reader sees it ("pre", "weight", "pre AND weight"). */
  label: string;
  /** Test id stem and `data-stream` value. */
  key: string;
  bits: Uint8Array;
  color: string;
}

export function BitRows({ rows, perRow }: { rows: readonly BitRow[]; perRow: number }) {
  const shown = rows.reduce((n, r) => Math.max(n, r.bits.length), 0);
  const blocks = bitBlocks(shown, perRow);
  return (
    <div className="bit-rows" style={{ ['--bits-per-row' as string]: perRow }}>
      {blocks.map((block) => (
        <div key={block.start} className="bit-block">
          <div className="bit-ruler" aria-hidden="true">
            <span className="bit-label" />
            <span className="bit-ruler-text">
              bits {block.start}–{block.start + block.count - 1}
            </span>
          </div>
          {rows.map((row) => {
            const cells = row.bits.subarray(block.start, block.start + block.count);
            const ones = countOnes(cells);
            return (
              <div
                key={row.key}
                className="bit-row"
                data-stream={row.key}
                role="img"
                aria-label={`${row.label}, bits ${block.start} to ${block.start + block.count - 1}: ${ones} ones`}
              >
                <span className="bit-label" style={{ color: row.color }}>
                  {row.label}
                </span>
                <span className="bit-cells">
                  {Array.from(cells, (b, i) => (
                    <span
                      key={i}
                      className={b ? 'bit bit-1' : 'bit bit-0'}
                      style={b ? { background: row.color, borderColor: row.color } : undefined}
                    />
                  ))}
                </span>
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
