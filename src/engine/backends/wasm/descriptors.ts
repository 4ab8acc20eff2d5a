/** Fills the header and the descriptor tables that tell the kernel where everything is. */
import type { LifPlan, Plan, ScDensePlan } from '../../plan.ts';
import { historyWords } from './history.ts';
import { writeLoihiDescriptor } from './loihi-image.ts';
import { writeLearning } from './learning-image.ts';
import { writeDynapsim } from './dynapsim-image.ts';
import { isNir, writeNir } from './nir-image.ts';
import { integrates, isFixedLif, type MemoryImage } from './image.ts';
import {
  C,
  CHAN_BYTES,
  H,
  J,
  MODEL,
  P,
  POP_BYTES,
  PROBE_BYTES,
  PLAST_BYTES,
  PROBE_KIND,
  PROJ_BYTES,
  Q,
} from './layout.ts';
import { writeClassic } from './classic-image.ts';
import { writeClassicSamples, writeRuleDescriptor, writeStpFields } from './plasticity-image.ts';

/** Writes the header, population, channel, projection and probe descriptors. */
export function writeDescriptors(plan: Plan, image: MemoryImage, buffer: ArrayBuffer): void {
  const view = new DataView(buffer);
  const i32 = (at: number, v: number): void => view.setInt32(at, v, true);
  const f32 = (at: number, v: number): void => view.setFloat32(at, v, true);
  const hd = image.header;
  i32(hd + H.npops, plan.populations.length);
  i32(hd + H.pops, image.tables.pops);
  i32(hd + H.nchan, plan.channels.length);
  i32(hd + H.chans, image.tables.chans);
  i32(hd + H.nproj, plan.projections.length);
  i32(hd + H.projs, image.tables.projs);
  i32(hd + H.nprobes, image.probeCount);
  i32(hd + H.probes, image.tables.probes);
  i32(hd + H.rec, image.rec);
  i32(hd + H.recCap, image.recCapWords);
  i32(hd + H.samp, image.samp);
  i32(hd + H.sampCap, image.sampCapFloats);
  i32(hd + H.gauss, image.gauss);
  i32(hd + H.union, image.union);
  i32(hd + H.recNeed, image.recNeedWords);
  i32(hd + H.nlearn, image.learningCount);
  i32(hd + H.learns, image.tables.learns);
  i32(hd + H.sampStride, image.probeCount + image.synapseSampleCount);
  i32(hd + H.nplast, image.ruleCount);
  i32(hd + H.plasts, image.tables.plasts);
  i32(hd + H.ncsamp, image.classicSampleCount);
  i32(hd + H.csamps, image.tables.csamps);
  i32(hd + H.nstp, image.stpCount);

  let scRates = 0;
  plan.populations.forEach((p, i) => {
    const d = image.tables.pops + i * POP_BYTES;
    const a = image.populations[i];
    if (!a) return;
    i32(d + P.size, p.size);
    i32(d + P.v, a.v);
    i32(d + P.refr, a.refr);
    i32(d + P.list, a.list);
    i32(d + P.hist, a.hist);
    i32(d + P.hslots, a.hslots);
    i32(d + P.hwords, historyWords(p.size));
    i32(d + P.nch, p.channels.length);
    i32(d + P.chList, a.chList);
    i32(d + P.record, image.recorded.includes(i) ? 1 : 0);
    i32(d + P.scratch, a.scratch);
    i32(d + P.held, a.held);
    i32(d + P.heldCount, a.heldCount);
    i32(d + P.saved, a.saved);
    const m = p.model;
    const lifConstants = (lif: LifPlan | ScDensePlan): void => {
      f32(d + P.vRest, lif.vRest);
      f32(d + P.leak, lif.leak);
      f32(d + P.rdt, lif.rdt);
      f32(d + P.vThreshold, lif.vThreshold);
      f32(d + P.vReset, lif.vReset);
      f32(d + P.noiseStd, lif.noiseStd);
      i32(d + P.refractorySteps, lif.refractorySteps);
      i32(d + P.key, lif.noiseKey | 0);
      f32(d + P.ext, lif.bias);
    };
    switch (m.model) {
      case 'stochastic_lif':
        i32(d + P.model, MODEL.lif);
        lifConstants(m);
        break;
      case 'sc_dense':
        i32(d + P.model, MODEL.sc);
        lifConstants(m);
        i32(d + P.sc, a.sc?.descriptor ?? 0);
        if (m.inputs.kind === 'rates') scRates++;
        break;
      case 'izhikevich':
      case 'adex':
        // V, refractory counts, noise and ext as a LIF's; constants in the model's descriptor.
        if (a.classic) i32(d + P.model, writeClassic(m, a.classic, buffer));
        i32(d + P.sc, a.classic?.descriptor ?? 0);
        f32(d + P.noiseStd, m.noiseStd);
        i32(d + P.key, m.noiseKey | 0);
        f32(d + P.ext, m.bias);
        break;
      case 'poisson':
        i32(d + P.model, MODEL.poisson);
        i32(d + P.key, m.key | 0);
        i32(d + P.threshold24, m.threshold24);
        break;
      case 'spike_generator':
        i32(d + P.model, MODEL.generator);
        i32(d + P.genStepPtr, a.genStepPtr);
        i32(d + P.genIndices, a.genIndices);
        i32(d + P.genPeriod, m.periodSteps);
        i32(d + P.genSteps, m.stepPtr.length - 1);
        break;
      case 'loihi':
        if (a.loihi) writeLoihiDescriptor(view, d, m, a.loihi);
        break;
      case 'dynapsim':
        if (a.dynapsim) writeDynapsim(view, d, m, a.dynapsim);
        break;
      case 'nir_neuron':
        // Step 2g (assembly/nir.ts); `ext` (the stimuli) is written by the runner per segment.
        if (a.nir) writeNir(view, d, m, a.nir);
        break;
      case 'fixed_point_lif':
        // Integers in the LIF's slots (assembly/fixed-lif.ts): W and S where noise and key go.
        i32(d + P.model, MODEL.fixedLif);
        i32(d + P.vRest, m.vRest);
        i32(d + P.leak, m.leak);
        i32(d + P.rdt, m.gain);
        i32(d + P.vThreshold, m.vThreshold);
        i32(d + P.vReset, m.vReset);
        i32(d + P.noiseStd, m.totalBits);
        i32(d + P.refractorySteps, m.refractorySteps);
        i32(d + P.key, m.scaleBits);
        i32(d + P.ext, m.bias);
        // An SC layer in fixed point: its SC descriptor; 0 (none) for a plain fixed_point_lif.
        i32(d + P.sc, a.sc?.descriptor ?? 0);
        break;
    }
  });
  i32(hd + H.scRates, scRates);

  let loose = 0;
  plan.channels.forEach((c, i) => {
    const d = image.tables.chans + i * CHAN_BYTES;
    const target = plan.populations[c.target];
    // A LIF population (or SC layer) decays its channels inside its own loop; others cannot.
    // A fixed-point population does too, by its integer multiplier (an i32 here).
    const fixed = isFixedLif(target);
    // A nir_neuron population reads and decays its input channel in its own loop too.
    const isLoose = integrates(target) || fixed || isNir(target) ? 0 : 1;
    loose |= isLoose;
    i32(d + C.target, c.target);
    i32(d + C.current, image.channels[i] ?? 0);
    if (fixed) i32(d + C.decay, c.fixedDecay ?? 0);
    else f32(d + C.decay, c.decay);
    i32(d + C.loose, isLoose);
  });
  i32(hd + H.loose, loose);

  let rules = 0;
  plan.projections.forEach((pr, i) => {
    const d = image.tables.projs + i * PROJ_BYTES;
    const a = image.projections[i];
    if (!a) return;
    const dest = pr.destination;
    const destination =
      dest.kind === 'delta'
        ? // A Loihi target takes its events into its input array (step 5c), a DynapSim
          // target into its ws array (step 2e of the next step).
          image.populations[pr.target]?.loihi?.input ||
          image.populations[pr.target]?.dynapsim?.ws ||
          image.populations[pr.target]?.v ||
          a.sink
        : (image.channels[dest.channel] ?? 0);
    const { weights, delays } = pr.csr;
    i32(d + J.source, pr.source);
    i32(d + J.destination, destination);
    i32(d + J.rowPtr, a.rowPtr);
    i32(d + J.targets, a.targets);
    i32(d + J.wide, a.width);
    i32(d + J.weights, a.weights);
    f32(d + J.weightConstant, weights instanceof Float32Array ? 0 : weights.constant);
    i32(d + J.delays, a.delays);
    i32(d + J.delayConstant, delays instanceof Uint8Array ? 0 : delays.constant);
    const target = plan.populations[pr.target]?.model;
    i32(d + J.saturate, target?.model === 'fixed_point_lif' ? target.totalBits : 0);
    const l = a.learning;
    if (l) writeLearning(view, image.tables.projs, i, pr, l.state, l.tables, l.samples);
    if (a.plastic) {
      writeStpFields(view, d, pr, a.plastic);
      if (pr.plasticity?.rule) {
        const at = image.tables.plasts + rules++ * PLAST_BYTES;
        writeRuleDescriptor(view, at, d, i, pr, a.plastic, a.events);
      }
    }
  });
  writeClassicSamples(
    view,
    image.tables.csamps,
    plan,
    image.projections.map((a) => a.plastic),
    image.projections.map((a) => a.plasticSamples),
  );

  let q = 0;
  for (const probe of plan.probes) {
    if (probe.kind !== 'state') continue;
    for (const neuron of probe.neurons) {
      const d = image.tables.probes + q++ * PROBE_BYTES;
      const kind =
        probe.variable === 'v'
          ? PROBE_KIND.v
          : probe.variable === 'i_syn'
            ? PROBE_KIND.iSyn
            : PROBE_KIND.adaptation;
      i32(d + Q.kind, kind);
      i32(d + Q.population, probe.population);
      i32(d + Q.neuron, neuron);
    }
  }
}
