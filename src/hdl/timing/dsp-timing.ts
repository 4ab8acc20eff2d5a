/**
 * The DSP48E1's timing by its pipeline registers (AREG, BREG, CREG, DREG, ADREG, MREG, PREG)
 * and use (USE_MULT, USE_DPORT), from Project X-Ray's Artix-7 database as Yosys 0.23's
 * `cells_sim.v` quotes it (its `A.required`, `P.arrival`, `A.P.comb` ... functions): an input
 * with a register after it is a path end with that setup; with none, a combinational arc to P.
 * P is a path start when any register sits before it. Pure.
 */
import { paramInt, type Arc, type CellTiming, type SeqPin } from './timing-types.ts';

type Use = 'mult' | 'mult_d' | 'none';

function use(params: Record<string, string>): Use {
  const mult = (params['USE_MULT'] ?? 'MULTIPLY') !== 'NONE';
  const dport = (params['USE_DPORT'] ?? 'FALSE') === 'TRUE';
  return mult ? (dport ? 'mult_d' : 'mult') : 'none';
}

/** Setup of A, B, C, D (ps) at the first register after each, per use. */
function required(
  port: 'A' | 'B' | 'C' | 'D',
  r: Record<string, number>,
  u: Use,
): number | undefined {
  switch (port) {
    case 'A':
      if (r['AREG']) return 254;
      if (u === 'mult') return r['MREG'] ? 1416 : r['PREG'] ? 2739 : undefined;
      if (u === 'mult_d')
        return r['MREG'] ? 2400 : r['ADREG'] ? 1283 : r['PREG'] ? 3723 : undefined;
      return r['PREG'] ? 1441 : undefined;
    case 'B':
      if (r['BREG']) return 324;
      if (r['MREG'] && u !== 'none') return 1285;
      if (u === 'none') return r['PREG'] ? 1428 : undefined;
      return r['PREG'] ? 2608 : undefined;
    case 'C':
      return r['CREG'] ? 168 : r['PREG'] ? 1244 : undefined;
    case 'D':
      if (u !== 'mult_d') return undefined;
      return r['DREG'] ? 248 : r['ADREG'] ? 1195 : r['MREG'] ? 2310 : r['PREG'] ? 3635 : undefined;
  }
}

/** A, B, C, D to P through no register (ps). */
const COMB: Record<Use, Record<'A' | 'B' | 'C' | 'D', number>> = {
  mult: { A: 2823, B: 2690, C: 1325, D: 0 },
  mult_d: { A: 3806, B: 2690, C: 1325, D: 3717 },
  none: { A: 1523, B: 1509, C: 1325, D: 0 },
};

/** Clock to P (ps) from the last register before it. */
function arrival(r: Record<string, number>, u: Use): number | undefined {
  if (r['PREG']) return 329;
  if (r['CREG']) return 1687;
  if (r['MREG'] && u !== 'none') return 1671;
  if (u === 'mult_d') {
    if (r['AREG']) return 3935;
    if (r['DREG']) return 3908;
    if (r['ADREG']) return 2958;
  }
  if (r['AREG']) return u === 'none' ? 1632 : 2952;
  if (r['BREG']) return u === 'none' ? 1616 : 2813;
  return undefined;
}

/** The timing of one DSP48E1 with Yosys JSON `params`. */
export function dspTiming(params: Record<string, string>): CellTiming {
  const r: Record<string, number> = {};
  for (const k of ['AREG', 'BREG', 'CREG', 'DREG', 'ADREG', 'MREG', 'PREG']) {
    r[k] = paramInt(params, k);
  }
  const u = use(params);
  const arcs: Arc[] = [];
  const setup: SeqPin[] = [];
  for (const port of ['A', 'B', 'C', 'D'] as const) {
    const req = required(port, r, u);
    if (req !== undefined) setup.push({ port, clock: 'CLK', ps: req });
    else if (COMB[u][port] > 0) arcs.push({ from: port, to: 'P', ps: COMB[u][port] });
  }
  if (r['PREG']) setup.push({ port: 'PCIN', clock: 'CLK', ps: 1025 });
  else arcs.push({ from: 'PCIN', to: 'P', ps: 1107 });
  // PCOUT (the cascade) is about 0.15 ns later than P in the same tables.
  const clockToOut: SeqPin[] = [];
  const arr = arrival(r, u);
  if (arr !== undefined) {
    clockToOut.push({ port: 'P', clock: 'CLK', ps: arr });
    clockToOut.push({ port: 'PCOUT', clock: 'CLK', ps: arr + 146 });
  } else {
    arcs.push(
      ...arcs.filter((a) => a.to === 'P').map((a) => ({ ...a, to: 'PCOUT', ps: a.ps + 148 })),
    );
  }
  return { modelled: true, arcs, clockToOut, setup };
}
