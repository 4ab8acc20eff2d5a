/** The types of the timing estimate's delay model (`delay-model.ts`). Pure. */

/** One combinational arc of a cell: input port bit to output port bit (undefined: every bit). */
export interface Arc {
  from: string;
  fromBit?: number;
  to: string;
  toBit?: number;
  ps: number;
}

/** A register output (clock-to-out) or input (setup) of a cell, on the clock at `clock`. */
export interface SeqPin {
  port: string;
  clock: string;
  ps: number;
}

/** The timing of one cell instance. `modelled` false: a type this model does not know. */
export interface CellTiming {
  modelled: boolean;
  arcs: Arc[];
  clockToOut: SeqPin[];
  setup: SeqPin[];
}

/** A Yosys JSON parameter as an integer: a binary string, or a decimal number. */
export function paramInt(params: Record<string, string>, name: string): number {
  const v = params[name];
  if (v === undefined) return 0;
  if (/^[01xz]+$/.test(v)) return parseInt(v.replace(/[xz]/g, '0'), 2);
  const n = Number(v);
  return Number.isFinite(n) ? n : 0;
}
