// Synapse probes of classic plastic projections (CONTEXT.md, the note after step 5f): each
// sample reads one f32 or i32 of the state (w, a trace, an eligibility) after the step's rules.
import { CSAMP_BYTES, CS_ADDR, CS_INT, CS_SLOT, H_CSAMPS, H_NCSAMP } from './layout';

/** Writes this step's classic synapse samples; `out` is where its synapse samples begin. */
export function sampleClassic(hdr: usize, out: usize): void {
  const n = load<i32>(hdr + H_NCSAMP);
  const table = load<usize>(hdr + H_CSAMPS);
  for (let q = 0; q < n; q++) {
    const entry = table + <usize>(q * CSAMP_BYTES);
    const at = load<usize>(entry + CS_ADDR);
    // online_o1's fields are integers, recorded as float32 like every sample; address 0: a
    // value the rule does not keep (an stdp eligibility), which reads 0.
    let x: f32 = 0;
    if (at != 0) x = load<i32>(entry + CS_INT) != 0 ? <f32>load<i32>(at) : load<f32>(at);
    store<f32>(out + ((<usize>load<i32>(entry + CS_SLOT)) << 2), x);
  }
}
