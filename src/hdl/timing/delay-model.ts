/**
 * The delay model of the static timing estimate (`sta.ts`): for each 7-series primitive that
 * `synth_xilinx -family xc7` emits, its combinational arcs, clock-to-out and setup times, in
 * picoseconds, and the routing delay of a net. Pure.
 *
 * Where the numbers come from: Project X-Ray's timing database of the Artix-7 fabric (the
 * xc7z020's programmable logic is that fabric), as Yosys 0.23 quotes it in its own cell library
 * (`/usr/share/yosys/xilinx/cells_sim.v`, the `specify` blocks, each with its prjxray-db
 * `artix7/timings/*.sdf` line): LUT pins, MUXF7/F8, CARRY4 per bit, flip-flop clock-to-out and
 * setup, LUT RAM, SRL, RAMB18E1/RAMB36E1 and the DSP48E1 by its pipeline registers. Xilinx
 * DS187 (Zynq-7000 switching characteristics) was not at hand here; where a number can be
 * checked against Vivado's -1 reports it agrees (RAMB36 clock-to-out without the output
 * register 2.454 ns, LUT 0.124-0.127 ns on its fastest pin).
 *
 * What is an assumption, not a datasheet number: the routing. A placed design's net delay is
 * not known before placement; `routePs` charges 450 ps per net plus 80 ps per doubling of its
 * fanout (typical of 7-series post-route reports: 0.3-0.9 ns for short nets, 1.5 ns and more for
 * nets of high fanout), and nothing on dedicated wires (carry chain, MUXF7/F8 inputs, a LUT
 * feeding its own slice's CARRY4, the DSP cascade). A LUT costs its fastest pin (127 ps); the
 * slower pins' extra (up to 0.5 ns on A1) is taken to be part of that routing charge, as
 * Vivado places critical signals on the fast pins. No clock skew or uncertainty. So the result
 * is an estimate of the clock a placed and routed design could reach, not a sign-off.
 */
import { dspTiming } from './dsp-timing.ts';
import { paramInt, type Arc, type CellTiming, type SeqPin } from './timing-types.ts';

/** A LUT's delay on its fastest pin (prjxray: LUT6 I5 -> O, 127 ps). */
export const LUT_PS = 127;
/** Flip-flop clock to Q (prjxray CLBLL_L.sdf, FDRE: 303 ps). */
export const FF_CLOCK_TO_OUT_PS = 303;
/** Flip-flop setup: D (prjxray -46 ps, taken as 0), CE 109 ps, synchronous set/reset 404 ps. */
export const FF_SETUP_PS = { D: 0, CE: 109, R: 404, S: 404 } as const;
/** Routing: per net, and per doubling of its fanout (an assumption; see the file comment). */
export const ROUTE_BASE_PS = 450;
export const ROUTE_PER_FANOUT_DOUBLING_PS = 80;
/** The fanout beyond which a placer replicates the driver (no longer charged). */
const ROUTE_FANOUT_CAP = 4096;

/** The routing delay of a net that drives `fanout` cell inputs. */
export function routePs(fanout: number): number {
  const f = Math.min(Math.max(fanout, 1), ROUTE_FANOUT_CAP);
  return Math.round(ROUTE_BASE_PS + ROUTE_PER_FANOUT_DOUBLING_PS * Math.log2(f));
}

const EMPTY: CellTiming = { modelled: true, arcs: [], clockToOut: [], setup: [] };

/** Cells with no timing of their own: constants, clock and I/O buffers, the JTAG port. */
const NO_TIMING = new Set(['VCC', 'GND', 'BUFG', 'IBUF', 'OBUF', 'OBUFT', 'IOBUF']);

/**
 * Cells whose outputs start paths at clock 0 of their own domain (the BSCANE2's TCK-side
 * outputs): a JTAG register's clock, not the fabric's.
 */
const PORT_LIKE = new Set(['BSCANE2']);

function lut(n: number): CellTiming {
  const arcs: Arc[] = [];
  for (let i = 0; i < n; i++) arcs.push({ from: `I${i}`, to: 'O', ps: LUT_PS });
  return { ...EMPTY, arcs };
}

/** CARRY4 arcs (prjxray CLBLL_L.sdf L11-L46): [to, from, ps]. */
const CARRY4_ARCS: readonly (readonly [string, string, number])[] = [
  ['O0', 'CYINIT', 482],
  ['O0', 'S0', 223],
  ['O0', 'CI', 222],
  ['O1', 'CYINIT', 598],
  ['O1', 'DI0', 407],
  ['O1', 'S0', 400],
  ['O1', 'S1', 205],
  ['O1', 'CI', 334],
  ['O2', 'CYINIT', 584],
  ['O2', 'DI0', 556],
  ['O2', 'DI1', 537],
  ['O2', 'S0', 523],
  ['O2', 'S1', 558],
  ['O2', 'S2', 226],
  ['O2', 'CI', 239],
  ['O3', 'CYINIT', 642],
  ['O3', 'DI0', 615],
  ['O3', 'DI1', 596],
  ['O3', 'DI2', 438],
  ['O3', 'S0', 582],
  ['O3', 'S1', 618],
  ['O3', 'S2', 330],
  ['O3', 'S3', 227],
  ['O3', 'CI', 313],
  ['CO0', 'CYINIT', 536],
  ['CO0', 'DI0', 379],
  ['CO0', 'S0', 340],
  ['CO0', 'CI', 271],
  ['CO1', 'CYINIT', 494],
  ['CO1', 'DI0', 465],
  ['CO1', 'DI1', 445],
  ['CO1', 'S0', 433],
  ['CO1', 'S1', 469],
  ['CO1', 'CI', 157],
  ['CO2', 'CYINIT', 592],
  ['CO2', 'DI0', 540],
  ['CO2', 'DI1', 520],
  ['CO2', 'DI2', 356],
  ['CO2', 'S0', 512],
  ['CO2', 'S1', 548],
  ['CO2', 'S2', 292],
  ['CO2', 'CI', 228],
  ['CO3', 'CYINIT', 580],
  ['CO3', 'DI0', 526],
  ['CO3', 'DI1', 507],
  ['CO3', 'DI2', 398],
  ['CO3', 'DI3', 385],
  ['CO3', 'S0', 508],
  ['CO3', 'S1', 528],
  ['CO3', 'S2', 378],
  ['CO3', 'S3', 380],
  ['CO3', 'CI', 114],
];

/** 'DI2' -> ['DI', 2]; 'CI' -> ['CI', undefined]. */
function splitPin(pin: string): [string, number | undefined] {
  const m = /^([A-Z]+?)(\d)$/.exec(pin);
  return m ? [m[1] ?? pin, Number(m[2])] : [pin, undefined];
}

const CARRY4: CellTiming = {
  ...EMPTY,
  arcs: CARRY4_ARCS.map(([to, from, ps]) => {
    const [toPort, toBit] = splitPin(to);
    const [fromPort, fromBit] = splitPin(from);
    const arc: Arc = { from: fromPort, to: toPort, ps };
    if (fromBit !== undefined) arc.fromBit = fromBit;
    if (toBit !== undefined) arc.toBit = toBit;
    return arc;
  }),
};

function ff(reset: 'R' | 'S' | 'CLR' | 'PRE'): CellTiming {
  const setup: SeqPin[] = [
    { port: 'D', clock: 'C', ps: FF_SETUP_PS.D },
    { port: 'CE', clock: 'C', ps: FF_SETUP_PS.CE },
  ];
  // An asynchronous clear or preset is no synchronous path.
  if (reset === 'R' || reset === 'S')
    setup.push({ port: reset, clock: 'C', ps: FF_SETUP_PS[reset] });
  return { ...EMPTY, clockToOut: [{ port: 'Q', clock: 'C', ps: FF_CLOCK_TO_OUT_PS }], setup };
}

/** LUT RAM (prjxray CLBLM_R.sdf): the read is a LUT; the write is clocked. */
const LUTRAM_READ_PS = LUT_PS;
/** Write clock to the read output of the written address (1,153 ps). */
const LUTRAM_CLOCK_TO_OUT_PS = 1153;
/** Setup of the write address (362), data (384) and enable (654). */
const LUTRAM_SETUP = { addr: 362, data: 384, we: 654 } as const;

function lutRam(
  reads: readonly (readonly [string, string])[],
  writePorts: readonly string[],
  dataIns: readonly string[],
): CellTiming {
  return {
    modelled: true,
    arcs: reads.map(([from, to]) => ({ from, to, ps: LUTRAM_READ_PS })),
    clockToOut: reads.map(([, to]) => ({ port: to, clock: 'WCLK', ps: LUTRAM_CLOCK_TO_OUT_PS })),
    setup: [
      ...writePorts.map((port) => ({ port, clock: 'WCLK', ps: LUTRAM_SETUP.addr })),
      ...dataIns.map((port) => ({ port, clock: 'WCLK', ps: LUTRAM_SETUP.data })),
      { port: 'WE', clock: 'WCLK', ps: LUTRAM_SETUP.we },
    ],
  };
}

const RAM_M_READS = [
  ['ADDRA', 'DOA'],
  ['ADDRB', 'DOB'],
  ['ADDRC', 'DOC'],
  ['ADDRD', 'DOD'],
] as const;
const RAM_X1D_READS = [
  ['A', 'SPO'],
  ['DPRA', 'DPO'],
] as const;
/** Single-bit address pins of RAM32X1D / RAM64X1D: A0..A5, DPRA0..DPRA5. */
function x1dReads(bits: number): [string, string][] {
  const reads: [string, string][] = [];
  for (let i = 0; i < bits; i++) reads.push([`A${i}`, 'SPO'], [`DPRA${i}`, 'DPO']);
  return reads;
}

/** Block RAM (prjxray BRAM_L.sdf): clock to data out, 2,454 ps, or 882 with the output register. */
const BRAM_CLOCK_TO_OUT_PS = { unregistered: 2454, registered: 882 } as const;
/** Setup of address (566), write enable (532), data in (737), enable, register enable/reset. */
const BRAM_SETUP = { addr: 566, we: 532, data: 737, en: 566, regce: 360, rstreg: 342 } as const;

function bram(params: Record<string, string>): CellTiming {
  const a = paramInt(params, 'DOA_REG') ? 'registered' : 'unregistered';
  const b = paramInt(params, 'DOB_REG') ? 'registered' : 'unregistered';
  const ca = 'CLKARDCLK';
  const cb = 'CLKBWRCLK';
  return {
    modelled: true,
    arcs: [],
    clockToOut: [
      { port: 'DOADO', clock: ca, ps: BRAM_CLOCK_TO_OUT_PS[a] },
      { port: 'DOPADOP', clock: ca, ps: BRAM_CLOCK_TO_OUT_PS[a] },
      { port: 'DOBDO', clock: cb, ps: BRAM_CLOCK_TO_OUT_PS[b] },
      { port: 'DOPBDOP', clock: cb, ps: BRAM_CLOCK_TO_OUT_PS[b] },
    ],
    setup: [
      { port: 'ADDRARDADDR', clock: ca, ps: BRAM_SETUP.addr },
      { port: 'ADDRBWRADDR', clock: cb, ps: BRAM_SETUP.addr },
      { port: 'WEA', clock: ca, ps: BRAM_SETUP.we },
      { port: 'WEBWE', clock: cb, ps: BRAM_SETUP.we },
      { port: 'DIADI', clock: ca, ps: BRAM_SETUP.data },
      { port: 'DIPADIP', clock: ca, ps: BRAM_SETUP.data },
      { port: 'DIBDI', clock: cb, ps: BRAM_SETUP.data },
      { port: 'DIPBDIP', clock: cb, ps: BRAM_SETUP.data },
      { port: 'ENARDEN', clock: ca, ps: BRAM_SETUP.en },
      { port: 'ENBWREN', clock: cb, ps: BRAM_SETUP.en },
      { port: 'REGCEAREGCE', clock: ca, ps: BRAM_SETUP.regce },
      { port: 'REGCEB', clock: cb, ps: BRAM_SETUP.regce },
      { port: 'RSTREGARSTREG', clock: ca, ps: BRAM_SETUP.rstreg },
      { port: 'RSTREGB', clock: cb, ps: BRAM_SETUP.rstreg },
    ],
  };
}

/** The timing of a cell of `type` with `params` (Yosys JSON parameters). */
export function cellTiming(type: string, params: Record<string, string>): CellTiming {
  const lutMatch = /^LUT([1-6])$/.exec(type);
  if (lutMatch) return lut(Number(lutMatch[1]));
  switch (type) {
    case 'INV':
      return lut(1);
    case 'MUXF7':
      return {
        ...EMPTY,
        arcs: [
          { from: 'I0', to: 'O', ps: 217 },
          { from: 'I1', to: 'O', ps: 223 },
          { from: 'S', to: 'O', ps: 296 },
        ],
      };
    case 'MUXF8':
      return {
        ...EMPTY,
        arcs: [
          { from: 'I0', to: 'O', ps: 104 },
          { from: 'I1', to: 'O', ps: 94 },
          { from: 'S', to: 'O', ps: 273 },
        ],
      };
    case 'CARRY4':
      return CARRY4;
    case 'FDRE':
      return ff('R');
    case 'FDSE':
      return ff('S');
    case 'FDCE':
      return ff('CLR');
    case 'FDPE':
      return ff('PRE');
    case 'RAM32M':
    case 'RAM64M':
      return lutRam(RAM_M_READS, ['ADDRD'], ['DIA', 'DIB', 'DIC', 'DID']);
    case 'RAM32X1D':
      return lutRam(x1dReads(5), ['A0', 'A1', 'A2', 'A3', 'A4'], ['D']);
    case 'RAM64X1D':
      return lutRam(x1dReads(6), ['A0', 'A1', 'A2', 'A3', 'A4', 'A5'], ['D']);
    case 'RAM128X1D':
      // Two LUTs and a MUXF7 (prjxray: + 193 + 175 ps through F7AMUX and AMUX).
      return {
        ...lutRam(RAM_X1D_READS, ['A'], ['D']),
        arcs: RAM_X1D_READS.map(([from, to]) => ({ from, to, ps: LUT_PS + 193 + 175 })),
      };
    case 'SRL16E':
    case 'SRLC32E':
      // Shift register: clock to Q 1,472 ps, the address a LUT read, D setup 173 ps.
      return {
        modelled: true,
        arcs: [{ from: 'A', to: 'Q', ps: LUT_PS }],
        clockToOut: [
          { port: 'Q', clock: 'CLK', ps: 1472 },
          { port: 'Q31', clock: 'CLK', ps: 1114 },
        ],
        setup: [
          { port: 'D', clock: 'CLK', ps: 173 },
          { port: 'CE', clock: 'CLK', ps: FF_SETUP_PS.CE },
        ],
      };
    case 'RAMB18E1':
    case 'RAMB36E1':
      return bram(params);
    case 'DSP48E1':
      return dspTiming(params);
    default:
      if (NO_TIMING.has(type) || PORT_LIKE.has(type)) return EMPTY;
      return { modelled: false, arcs: [], clockToOut: [], setup: [] };
  }
}

/** Cell types whose outputs begin paths in a domain of their own (a JTAG clock). */
export function isPortLike(type: string): boolean {
  return PORT_LIKE.has(type);
}

/**
 * Dedicated wires, charged no routing: the carry chain (CO[3] -> CI), a LUT or MUXF7 into
 * MUXF7/MUXF8, a LUT into a CARRY4's S or DI (the arithmetic mapping puts them in one slice),
 * and the DSP cascade.
 */
export function isDedicated(
  driverType: string,
  driverPort: string,
  sinkType: string,
  sinkPort: string,
): boolean {
  if (sinkType === 'CARRY4' && sinkPort === 'CI') return driverType === 'CARRY4';
  if (sinkType === 'MUXF7' && (sinkPort === 'I0' || sinkPort === 'I1'))
    return /^LUT/.test(driverType);
  if (sinkType === 'MUXF8' && (sinkPort === 'I0' || sinkPort === 'I1'))
    return driverType === 'MUXF7';
  if (sinkType === 'CARRY4' && (sinkPort === 'S' || sinkPort === 'DI'))
    return /^LUT/.test(driverType);
  if (sinkType === 'DSP48E1' && sinkPort === 'PCIN') return driverPort === 'PCOUT';
  return false;
}
