/**
 * Parameters of the fixed-point LIF (`fixed_point_lif`, `src/engine/CONTEXT.md` step 2f). The
 * bit widths are whole numbers in the ranges the engine and the Verilog core support; ranges
 * that depend on another field or on dt (fraction bits below the width, tau_mem >= dt, the
 * quantised values inside W bits) are cross-checks (`checks/fixed-point-lif.ts`).
 */
import type { FixedPointLifParams } from '../document.ts';
import { number, object, withDefault } from '../schema/index.ts';
import type { Schema } from '../schema/index.ts';
import { initialValueSchema } from './distributions.ts';

/** The three widths, shared with an SC layer's `fixed_point` block (sc-dense.ts). */
export const fixedPointWidths = {
  total_bits: number({
    integer: true,
    min: 8,
    max: 24,
    description: 'W: bits of V and of every synaptic current.',
  }),
  fraction_bits: number({
    integer: true,
    min: 0,
    max: 22,
    description: 'F: fraction bits of V, currents, weights and bias (at most W - 2).',
  }),
  scale_bits: number({
    integer: true,
    min: 1,
    max: 16,
    description: 'S: fraction bits of the leak, gain and decay multipliers.',
  }),
};

/** Widths and real values; the engine quantises the real values at compile. */
export const fixedPointLifParamsSchema: Schema<FixedPointLifParams> = object({
  ...fixedPointWidths,
  v_rest: number(),
  v_reset: number(),
  v_threshold: number(),
  tau_mem: number({ gt: 0, description: 'Membrane time constant, ms (>= dt).' }),
  resistance: number({ min: 0 }),
  refractory_period: withDefault(number({ min: 0, description: 'ms' }), 0),
  bias: withDefault(number(), 0),
  v_init: initialValueSchema,
});
