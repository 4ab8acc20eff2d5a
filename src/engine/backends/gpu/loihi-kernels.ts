/**
 * Kernel text for Loihi populations (CONTEXT.md step 5c; the layout in loihi-layout.ts),
 * generated only for plans that have them, so other plans' kernels do not change.
 *
 * A Loihi neuron's step needs the input of its step t, which may come from a delay-0 synapse of
 * a LIF, Poisson or generator source whose flag of step t only exists after the neuron kernel
 * (Loihi sources themselves have delays >= 1, compile/loihi-plan.ts). So a third kernel runs
 * between `neuron` and `deliver`:
 *
 * - `loihi(S, M)`: one thread per neuron, output `[total]`; a Loihi neuron returns the sum of the
 *   actual weights its synapses deliver at step t (the delta list of gather.ts, same delay rule
 *   as `deliver`), every other neuron 0. Weights are multiples of 64 below 2^21, so the sum is
 *   exact in float32 while its partial sums stay below 2^30 in magnitude.
 * - in `deliver(S, M, L)`, a Loihi neuron's rows: I (the row holds I after the previous step's
 *   input, so its decay comes first), v, and the step's flag, which the LIF's refractory and
 *   history rows then use. Every quantity is an integer below 2^24 and every product stays below
 *   2^24 (see `decayed`), so float32 gives the reference's float64 result on every mode, and a
 *   driver fusing a multiply-add cannot change an exact result.
 * - in `neuron`, Loihi neurons return 0 (their flag is made in `deliver`).
 *
 * Overflow: when |I| or |v| reaches 2^24 the reference stops with `NumericalError`. Here the
 * neuron then keeps its v and I for the rest of the call (no spike), so the host sees it after
 * the call and replays the call step by step (runner.ts, loihi-host.ts). The step where I
 * overflows stores the step's weight sum in the v row instead, from which the host rebuilds the
 * reference's exact value.
 */
import { KIND, POP, ROW, type DeviceLayout } from './layout.ts';
import { LOIHI_FIELDS, LOIHI_LIMIT } from './loihi-layout.ts';
import type { KernelText } from './sc-kernels.ts';

/** 2^-12 as a literal: a product with it is exact (never a division, see CONTEXT.md). */
const INV_4096 = '0.000244140625';

/**
 * Statements declaring `name` = x - sign(x) * ceil(|x| * d / 4096) for an integer |x| < 2^24 and
 * 0 <= d <= 4096 (brian2-loihi's rnd_I / rnd_v). With |x| = hi * 4096 + lo the step is
 * `hi * d + ceil(lo * d * 2^-12)`: hi * d and lo * d are below 2^24, the scaling by 2^-12 is
 * exact, and the step is at most |x| + 1, so every value is exact in float32.
 */
function decayed(x: string, d: string, name: string): string {
  return `const ${name}Abs = Math.abs(${x});
      const ${name}Hi = Math.floor(${name}Abs * ${INV_4096});
      const ${name}Step = ${name}Hi * ${d} + Math.ceil((${name}Abs - ${name}Hi * 4096) * ${d} * ${INV_4096});
      let ${name} = ${x} - ${name}Step;
      if (${x} < 0) { ${name} = ${x} + ${name}Step; }`;
}

/**
 * The `loihi` kernel: the weight sum of step t per Loihi neuron. `gather` is kernels.ts' walk
 * of neuron j's delta list adding into `sw`; `tables` its table arguments (`P`, or `P, W`).
 */
export function loihiInputSource(
  text: Pick<KernelText, 'neuron' | 'pop'>,
  populationField: number,
  gather: string,
  tables: string,
): string {
  return `function (S, M, ${tables}) {
  const j = this.thread.x;
  const p = ${text.neuron(populationField)};
  if (${text.pop(POP.kind)} !== ${KIND.loihi}) { return 0; }
  let sw = 0;${gather}
  return sw;
}`;
}

/** The neuron kernel's Loihi branch ('' without Loihi populations). */
export function loihiNeuronBranch(layout: DeviceLayout): string {
  if (!layout.loihi) return '';
  return `
  if (kind === ${KIND.loihi}) {
    return 0;
  }`;
}

/**
 * The deliver kernel's Loihi branch ('' without Loihi populations): returns a Loihi neuron's v
 * and I rows and sets `flag` (declared with `let` in such plans) for its refractory and history
 * rows. SC rates trace rows of a Loihi column add the spikes of step t-1 (CONTEXT.md step 5b:
 * step 5c makes step t's only after 5b): bit 0 of S's history word 0, the flag of step t-1 (0
 * before the run). Plans where no rates layer reads a Loihi population keep M's flag there, 0
 * for a Loihi neuron and never used, so their kernel text is what it was.
 */
export function loihiDeliverBranch(
  layout: DeviceLayout,
  text: Pick<KernelText, 'st' | 'pop'>,
): string {
  if (!layout.loihi) return '';
  const { st, pop } = text;
  const limit = LOIHI_LIMIT;
  const traces = layout.traceRows > 0;
  // Trace rows lie below the history rows, so `y >= traceRow` here means a trace row.
  const lagged = layout.sc?.traces.some((e) => e.loihi)
    ? ` else if (y >= ${layout.traceRow}) {
      const h = ${st(layout.historyRow, 'j')};
      flag = h - Math.floor(h * 0.5) * 2;
    }`
    : '';
  return `
  if (${pop(POP.kind)} === ${KIND.loihi}) {
    const ip = ${st(ROW.current(0), 'j')};
    const vp = ${st(ROW.v, 'j')};
    let iin = ip;
    let vn = vp;
    let spiked = 0;
    if (Math.abs(ip) < ${limit} && Math.abs(vp) < ${limit}) {
      ${decayed('ip', pop(POP[LOIHI_FIELDS.decayI]), 'iDec')}
      iin = Math.fround(iDec + L[j]);
      if (Math.abs(iin) >= ${limit}) {
        vn = L[j];
      } else {
        if (${st(ROW.refr, 'j')} <= 0) {
          ${decayed('vp', pop(POP[LOIHI_FIELDS.decayV]), 'vDec')}
          vn = Math.fround(vDec + iin);
          if (Math.abs(vn) < ${limit}) {
            if (vn > ${pop(POP[LOIHI_FIELDS.threshold])}) {
              vn = 0;
              spiked = 1;
            }
          }
        }
      }
    }
    if (y === ${ROW.v}) { return vn; }
    if (y === ${ROW.current(0)}) { return iin; }
    ${traces ? `if (y === ${ROW.refr} || y >= ${layout.historyRow}) { flag = spiked; }${lagged}` : 'flag = spiked;'}
  }`;
}
