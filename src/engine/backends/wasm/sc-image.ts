/**
 * The memory of an `sc_dense` layer (float, or in fixed point: `FixedLifPlan.sc`) beyond its
 * neuron arrays: the SC descriptor, the per-channel
 * keys and thresholds, the current table, and the rates traces (which are state, so they are
 * placed in the state block by the caller).
 */
import type { ScSourcePlan } from '../../plan.ts';
import { align, type Arena } from './arena.ts';
import { S, SC_BYTES } from './layout.ts';

/** Addresses of one layer's SC tables (0 where its inputs have none). */
export interface ScAddresses {
  descriptor: number;
  inputKeys: number;
  weightKeys: number;
  weightThresholds: number;
  /** Constant inputs: per-channel thresholds. */
  thresholds: number;
  /** Rates inputs: per-channel traces, inside the state block. */
  trace: number;
  table: number;
}

/** Channels rounded up to the kernel's four lanes. */
export function paddedChannels(m: ScSourcePlan): number {
  return align(m.channelCount, 4);
}

/** Reserves the rates traces of a layer in the state block (0 for constant inputs). */
export function allocateTrace(arena: Arena, m: ScSourcePlan): number {
  return m.inputs.kind === 'rates' ? arena.alloc(4 * paddedChannels(m)) : 0;
}

/** Reserves the descriptor and the constant tables of a layer. */
export function allocateScTables(arena: Arena, m: ScSourcePlan, trace: number): ScAddresses {
  const lanes = paddedChannels(m);
  return {
    descriptor: arena.alloc(SC_BYTES),
    inputKeys: arena.alloc(4 * lanes),
    weightKeys: arena.alloc(4 * lanes),
    // Zero-filled beyond channelCount by writeScTables: padding lanes never count.
    weightThresholds: arena.alloc(4 * lanes),
    thresholds: m.inputs.kind === 'constant' ? arena.alloc(4 * lanes) : 0,
    trace,
    table: arena.alloc(4 * m.currentByCount.length),
  };
}

/** Writes a layer's tables and its SC descriptor; the traces start at 0 with the state. */
export function writeScTables(m: ScSourcePlan, a: ScAddresses, buffer: ArrayBuffer): void {
  const lanes = paddedChannels(m);
  const channels = (at: number, values: Uint32Array): void => {
    const out = new Uint32Array(buffer, at, lanes);
    out.fill(0);
    out.set(values.subarray(0, m.channelCount));
  };
  channels(a.inputKeys, m.inputKeys);
  channels(a.weightKeys, m.weightKeys);
  channels(a.weightThresholds, m.weightThresholds);
  if (m.inputs.kind === 'constant') channels(a.thresholds, m.inputs.thresholds);
  new Float32Array(buffer, a.table, m.currentByCount.length).set(m.currentByCount);

  const view = new DataView(buffer);
  const i32 = (field: number, v: number): void => view.setInt32(a.descriptor + field, v, true);
  const f32 = (field: number, v: number): void => view.setFloat32(a.descriptor + field, v, true);
  i32(S.channels, m.channelCount);
  i32(S.length, m.length);
  i32(S.inputKeys, a.inputKeys);
  i32(S.weightKeys, a.weightKeys);
  i32(S.weightThresholds, a.weightThresholds);
  i32(S.thresholds, a.thresholds);
  i32(S.trace, a.trace);
  i32(S.table, a.table);
  f32(S.current, 0);
  const inputs = m.inputs;
  i32(S.rates, inputs.kind === 'rates' ? 1 : 0);
  if (inputs.kind === 'rates') {
    i32(S.source, inputs.source);
    f32(S.decay, inputs.decay);
    f32(S.gain, inputs.gain);
    f32(S.xMin, inputs.xMin);
    f32(S.invRange, inputs.invRange);
  }
}
