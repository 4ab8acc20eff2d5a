/**
 * Cross-checks of the classroom models' parameters: orderings the schema cannot see one field
 * at a time.
 */
import type {
  AdexParams,
  InitialValue,
  IzhikevichParams,
  Population,
  StateVariable,
} from '../document.ts';
import { IZHIKEVICH_V_PEAK } from '../izhikevich-constants.ts';
import type { CheckContext } from './context.ts';
import { flag } from './context.ts';

/** Izhikevich: the reset must lie below the fixed spike cut, or every step would be a spike. */
export function checkIzhikevich(ctx: CheckContext, at: string, params: IzhikevichParams): void {
  if (!(params.c < IZHIKEVICH_V_PEAK)) {
    flag(
      ctx,
      `${at}.c`,
      `must be < ${IZHIKEVICH_V_PEAK} mV (the spike cut of the model), got ${params.c}`,
    );
  }
  checkInitial(ctx, at, params.v_init);
}

/** AdEx: the spike cut lies above the threshold V_T and above the reset. */
export function checkAdex(ctx: CheckContext, at: string, params: AdexParams): void {
  if (!(params.v_peak > params.v_t)) {
    flag(ctx, `${at}.v_peak`, `must be > v_t (${params.v_t} mV), got ${params.v_peak}`);
  }
  if (!(params.v_reset < params.v_peak)) {
    flag(ctx, `${at}.v_reset`, `must be < v_peak (${params.v_peak} mV), got ${params.v_reset}`);
  }
  checkInitial(ctx, at, params.v_init);
}

function checkInitial(ctx: CheckContext, at: string, init: InitialValue): void {
  if (init.kind === 'uniform' && !(init.low <= init.high)) {
    flag(ctx, `${at}.v_init.high`, `must be >= low (${init.low}), got ${init.high}`);
  }
}

/** `u` is recorded from Izhikevich populations only, `w` from AdEx populations only. */
export function checkAdaptationProbe(
  ctx: CheckContext,
  at: string,
  variable: StateVariable,
  population: Population,
): void {
  const wanted = variable === 'u' ? 'izhikevich' : variable === 'w' ? 'adex' : undefined;
  if (wanted !== undefined && population.model !== wanted) {
    flag(
      ctx,
      `${at}.variable`,
      `${variable} is the adaptation variable of ${wanted} populations; ` +
        `population "${population.id}" has model ${population.model}`,
    );
  }
}
