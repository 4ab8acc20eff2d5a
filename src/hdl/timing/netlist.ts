/**
 * Yosys's `write_json` netlist, as much of it as the timing estimate reads: the top module's
 * ports, cells (type, parameters, port directions, connections as net bit numbers) and net
 * names, and a readable name for each bit. Pure.
 */

/** A connection bit: a net number, or a constant ('0', '1', 'x', 'z'). */
export type Bit = number | string;

export interface YosysCell {
  type: string;
  parameters?: Record<string, string>;
  attributes?: Record<string, string>;
  port_directions?: Record<string, 'input' | 'output' | 'inout'>;
  connections: Record<string, Bit[]>;
}

export interface YosysModule {
  attributes?: Record<string, string>;
  ports?: Record<string, { direction: 'input' | 'output' | 'inout'; bits: Bit[] }>;
  cells?: Record<string, YosysCell>;
  netnames?: Record<string, { hide_name?: number; bits: Bit[] }>;
}

export interface YosysNetlist {
  modules: Record<string, YosysModule>;
}

/**
 * The output ports of the 7-series primitives, for a netlist written without the cell
 * library (`delete =A:blackbox` before `write_json` drops the cells' `port_directions`).
 */
const OUTPUTS: Record<string, readonly string[]> = {
  MUXF7: ['O'],
  MUXF8: ['O'],
  INV: ['O'],
  BUFG: ['O'],
  IBUF: ['O'],
  OBUF: ['O'],
  OBUFT: ['O'],
  VCC: ['P'],
  GND: ['G'],
  CARRY4: ['O', 'CO'],
  FDRE: ['Q'],
  FDSE: ['Q'],
  FDCE: ['Q'],
  FDPE: ['Q'],
  RAM32M: ['DOA', 'DOB', 'DOC', 'DOD'],
  RAM64M: ['DOA', 'DOB', 'DOC', 'DOD'],
  RAM32X1D: ['SPO', 'DPO'],
  RAM64X1D: ['SPO', 'DPO'],
  RAM128X1D: ['SPO', 'DPO'],
  SRL16E: ['Q'],
  SRLC32E: ['Q', 'Q31'],
  RAMB18E1: ['DOADO', 'DOPADOP', 'DOBDO', 'DOPBDOP'],
  RAMB36E1: [
    'DOADO',
    'DOPADOP',
    'DOBDO',
    'DOPBDOP',
    'CASCADEOUTA',
    'CASCADEOUTB',
    'DBITERR',
    'ECCPARITY',
    'RDADDRECC',
    'SBITERR',
  ],
  DSP48E1: [
    'P',
    'PCOUT',
    'ACOUT',
    'BCOUT',
    'CARRYCASCOUT',
    'CARRYOUT',
    'MULTSIGNOUT',
    'PATTERNDETECT',
    'PATTERNBDETECT',
    'OVERFLOW',
    'UNDERFLOW',
  ],
  BSCANE2: ['CAPTURE', 'DRCK', 'RESET', 'RUNTEST', 'SEL', 'SHIFT', 'TCK', 'TDI', 'TMS', 'UPDATE'],
};

/** Whether `port` of `cell` is an output (its `port_directions`, else the primitive's). */
export function isOutput(cell: YosysCell, port: string): boolean {
  const dir = cell.port_directions?.[port];
  if (dir !== undefined) return dir === 'output';
  if (/^LUT[1-6]$/.test(cell.type)) return port === 'O';
  return OUTPUTS[cell.type]?.includes(port) ?? false;
}

/** The top module (its `top` attribute; else the one module that is no blackbox). */
export function topModule(netlist: YosysNetlist): { name: string; module: YosysModule } {
  const entries = Object.entries(netlist.modules);
  const top = entries.find(([, m]) => m.attributes?.['top'] !== undefined);
  if (top) return { name: top[0], module: top[1] };
  const real = entries.filter(([, m]) => m.attributes?.['blackbox'] === undefined);
  const only = real[0];
  if (real.length !== 1 || only === undefined) {
    throw new Error(
      `the Yosys netlist has no top module (${real.length} modules that are no blackbox)`,
    );
  }
  return { name: only[0], module: only[1] };
}

/** Yosys's internal name parts ($auto$..., $abc$...) make a name unreadable. */
function score(name: string): number {
  return (name.includes('$') ? 1000 : 0) + name.length;
}

/**
 * A name for every net bit: the most readable net name that holds it, with the bit's index
 * when that net is wider than one bit (e.g. `core.v_q[3]`).
 */
export function bitNames(module: YosysModule): Map<number, string> {
  const best = new Map<number, { name: string; score: number }>();
  for (const [name, net] of Object.entries(module.netnames ?? {})) {
    const s = score(name) + (net.hide_name ? 500 : 0);
    net.bits.forEach((bit, i) => {
      if (typeof bit !== 'number') return;
      const label = net.bits.length > 1 ? `${name}[${i}]` : name;
      const old = best.get(bit);
      if (old === undefined || s < old.score) best.set(bit, { name: label, score: s });
    });
  }
  const names = new Map<number, string>();
  for (const [bit, { name }] of best) names.set(bit, name);
  return names;
}
