/**
 * Checks of a Loihi synapse's learning (brian2-loihi's `dw` and traces): the rule passes
 * brian2-loihi's checks and parses (`parseLoihiRule`), and every trace it reads is on, since
 * brian2-loihi only defines the traces it was given parameters for.
 */
import { LOIHI_TRACE_NAMES, type LoihiSynapse, type LoihiTraceName } from '../document.ts';
import { parseLoihiRule } from '../loihi-rule.ts';
import type { CheckContext } from './context.ts';
import { flag } from './context.ts';

/** Whether a Loihi synapse learns or keeps traces (what a synapse probe can record). */
export function hasLearning(synapse: LoihiSynapse): boolean {
  return (
    isRuleGiven(synapse.dw) || LOIHI_TRACE_NAMES.some((n) => synapse.traces?.[n] !== undefined)
  );
}

/** An absent or empty `dw` means no learning (brian2-loihi's default `dw=''`). */
export function isRuleGiven(dw: string | undefined): dw is string {
  return dw !== undefined && dw !== '';
}

/** How to turn a trace on, for messages. */
export function turnTraceOn(name: LoihiTraceName): string {
  return `turn it on with synapse.traces.${name} = { impulse: 1..127, tau: >= 1 }`;
}

/** Flags a bad rule at `<at>.synapse.dw` (`at` is `projections[i]`). */
export function checkLoihiLearning(ctx: CheckContext, at: string, synapse: LoihiSynapse): void {
  if (!isRuleGiven(synapse.dw)) return;
  const parsed = parseLoihiRule(synapse.dw);
  if (!parsed.ok) {
    flag(ctx, `${at}.synapse.dw`, parsed.message);
    return;
  }
  for (const name of LOIHI_TRACE_NAMES) {
    if (parsed.variables.has(name) && synapse.traces?.[name] === undefined)
      flag(
        ctx,
        `${at}.synapse.dw`,
        `the rule reads the trace ${name}, which is off; ${turnTraceOn(name)}`,
      );
  }
}
