/** The hardware section of the bench table: core speed, simulation speed, resources. */
import { groupDigits } from '../numbers.ts';
import type { CoreRow, FitRow, HardwareBenchReport } from './hardware-report.ts';

const LABEL = 22;

/** Cells right-aligned to `widths`, after a label column. */
function line(label: string, cells: readonly string[], widths: readonly number[]): string {
  return `    ${label.padEnd(LABEL)}${cells.map((c, k) => c.padStart(widths[k] ?? 10)).join('')}`;
}

function oneLine(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ');
}

/** `fixed-point LIF 256` / `Loihi 1,024`. */
export function coreLabel(row: CoreRow): string {
  return `${row.kind === 'loihi' ? 'Loihi' : 'fixed-point LIF'} ${groupDigits(row.size)}`;
}

/** Whether a rate meets the goal, in words. */
function against(rate: number, goal: number): string {
  return rate >= goal ? 'meets the goal' : `${(rate / goal).toFixed(2)} x the goal`;
}

function counterLines(report: HardwareBenchReport): string[] {
  const ok = report.cores.filter((r) => r.status === 'ok' && r.rates !== undefined);
  const phases = [...new Set(ok.flatMap((r) => Object.keys(r.counters?.phases ?? {})))];
  const head = ['neurons', 'synapses', 'clocks/step', ...phases.map((p) => `${p}/step`)];
  const tail = ['events', 'ev/deliv clk', 'ev/clock'];
  const widths = [...head.map((h) => Math.max(10, h.length + 2)), 12, 14, 10];
  const lines = [
    `  Core speed: the core's own counters over ${report.cores[0]?.steps ?? 0} steps of dt 1 ms ` +
      `(${report.lanes} delivery lane); goal >= ${report.references.goal_events_per_clock_per_lane} ` +
      `events per clock per lane; ODIN-class designs take 2 clocks per event ` +
      `(${report.references.odin_events_per_clock} per clock)`,
    line('network', [...head, ...tail], widths),
  ];
  for (const row of report.cores) {
    const rates = row.rates;
    if (row.status !== 'ok' || rates === undefined || row.counters === undefined) {
      lines.push(`    ${coreLabel(row).padEnd(LABEL)}  ${row.status}: ${oneLine(row.reason)}`);
      continue;
    }
    const perDelivery = rates.events_per_delivery_clock;
    lines.push(
      line(
        coreLabel(row),
        [
          groupDigits(row.neurons),
          groupDigits(row.synapses),
          rates.clocks_per_step.toFixed(1),
          ...phases.map((p) => (rates.phase_clocks_per_step[p] ?? 0).toFixed(1)),
          groupDigits(row.counters.events),
          perDelivery === null ? 'n/a' : perDelivery.toFixed(3),
          rates.events_per_clock.toFixed(3),
        ],
        widths,
      ) +
        (perDelivery === null
          ? ''
          : `  (per delivery clock: ${against(perDelivery / report.lanes, report.references.goal_events_per_clock_per_lane)}` +
            `, ${(perDelivery / report.references.odin_events_per_clock).toFixed(2)} x ODIN)`),
    );
  }
  return lines;
}

function speedLines(report: HardwareBenchReport): string[] {
  const labels = [...new Set(report.cores.flatMap((r) => r.engine.map((e) => e.label)))];
  const head = ['verilator', ...labels, 'core spikes', 'vs engine'];
  const widths = head.map((h) => Math.max(12, h.length + 2));
  const lines = [
    '  Simulation speed, steps/s: Verilator = wall clock of the testbench run (process start and ' +
      'image loading in, the build not); the engine = its simulation loop (median of the repeats)',
    line('network', head, widths),
  ];
  for (const row of report.cores) {
    const engine = labels.map((label) => {
      const e = row.engine.find((x) => x.label === label);
      if (e === undefined) return '';
      return e.status === 'ok' ? groupDigits(Math.round(e.steps_per_s ?? NaN)) : e.status;
    });
    const core =
      row.verilator_steps_per_s === undefined
        ? row.status
        : groupDigits(Math.round(row.verilator_steps_per_s));
    const match =
      row.spikes_match_engine === undefined || row.spikes_match_engine === null
        ? ''
        : row.spikes_match_engine
          ? 'equal'
          : 'DIFFER';
    lines.push(
      line(
        coreLabel(row),
        [core, ...engine, row.spikes === undefined ? '' : groupDigits(row.spikes), match],
        widths,
      ),
    );
    for (const e of row.engine) {
      if (e.status !== 'ok') lines.push(`      ${e.label}: ${e.status}: ${oneLine(e.reason)}`);
    }
  }
  return lines;
}

/** `luts / flip-flops / bram36 / dsp` of a count. */
function counts(c: { luts: number; flipFlops: number; bram36: number; dsp: number }): string {
  const n = (x: number): string => (Number.isInteger(x) ? groupDigits(x) : x.toFixed(1));
  return `${n(c.luts)} / ${n(c.flipFlops)} / ${n(c.bram36)} / ${n(c.dsp)}`;
}

function fitLines(report: HardwareBenchReport): string[] {
  const p = report.references.pynq_z2_design;
  const lines = [
    "  Resources (slice LUTs / flip-flops / RAMB36 / DSP48E1): the generator's estimate, then " +
      `Yosys synth_xilinx -family xc7; PYNQ-Z2: 53,200 / 106,400 / 140 / 220`,
    `    published PYNQ-Z2 design (${p.design}, ${p.clock_mhz} MHz): ${groupDigits(p.luts)} LUTs, ` +
      `${groupDigits(p.flipFlops)} flip-flops, ${p.bram} BRAM`,
  ];
  if (report.not_for_hardware.length > 0) {
    lines.push(`    examples the hardware check refuses: ${report.not_for_hardware.join(', ')}`);
  }
  for (const row of report.fits) lines.push(...fitRowLines(row));
  const b = report.board_top;
  lines.push(
    `    board top (BOARD_CAPACITY; Yosys by hand, core ${b.core}, ${b.yosys_cpu_s} s of CPU)`,
    `      estimate ${counts(b.estimate)}; Yosys ${counts(b.yosys_by_hand)}; ${percents(b.difference_percent)}`,
    `      ${timingLine(b.timing)}`,
  );
  return lines;
}

/** The estimate's distance from Yosys per resource, e.g. `estimate vs Yosys +2 % / -1 % / 0 % / 0 %`. */
function percents(d: { luts: number; flipFlops: number; bram36: number; dsp: number }): string {
  const p = (x: number): string => {
    if (!Number.isFinite(x)) return 'n/a';
    const r = Math.round(x * 10) / 10;
    return `${r > 0 ? '+' : ''}${r === 0 ? '0.0' : r.toFixed(1)} %`;
  };
  return `estimate vs Yosys ${p(d.luts)} / ${p(d.flipFlops)} / ${p(d.bram36)} / ${p(d.dsp)}`;
}

function timingLine(t: { period_ns: number; fmax_mhz: number; worst_path: string }): string {
  return (
    `timing estimate (not Vivado): longest path ${t.period_ns.toFixed(2)} ns, about ` +
    `${t.fmax_mhz.toFixed(0)} MHz (100 MHz ${t.period_ns <= 10 ? 'met' : 'missed'}): ${t.worst_path}`
  );
}

function fitRowLines(row: FitRow): string[] {
  if (row.status !== 'ok' || row.estimate === undefined) {
    return [`    ${row.name}: ${row.status}: ${oneLine(row.reason)}`];
  }
  const yosys =
    row.yosys_status === 'ok' && row.yosys !== undefined
      ? `${counts(row.yosys)} (${(row.yosys_seconds ?? NaN).toFixed(0)} s)`
      : `${row.yosys_status ?? 'not run'}: ${oneLine(row.yosys_reason)}`;
  const l = row.largest;
  const closeness = row.difference_percent ? `; ${percents(row.difference_percent)}` : '';
  return [
    `    ${row.name}: ${groupDigits(row.neurons ?? 0)} neurons, ${groupDigits(row.synapses ?? 0)} synapses`,
    `      estimate ${counts(row.estimate)}; Yosys ${yosys}${closeness}`,
    ...(row.timing ? [`      ${timingLine(row.timing)}`] : []),
    l === null || l === undefined
      ? '      no network of this shape fits a PYNQ-Z2 (estimate)'
      : `      largest of this shape that fits a PYNQ-Z2: ${groupDigits(l.neurons)} neurons, ` +
        `${groupDigits(l.synapses)} synapses (estimate ${counts(l.estimate)})`,
  ];
}

/** Lines of the hardware section. */
export function renderHardwareSection(report: HardwareBenchReport): string[] {
  return [
    `Hardware (issue 8): the exported Verilog core; ${report.verilator}; ${report.yosys}`,
    ...counterLines(report),
    '',
    ...speedLines(report),
    '',
    ...fitLines(report),
  ];
}
