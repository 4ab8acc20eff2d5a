/**
 * The instant half of `spikelab fit`: the network's export (refused exactly as export-verilog
 * refuses it), its capacities, the estimate model's counts and the largest same-shape network
 * that fits a PYNQ-Z2. Pure; the caller runs Yosys on `exported.files` for the measured half.
 */
import { compile } from '../../engine/compile/index.ts';
import type { NetworkDocument } from '../../model/document.ts';
import { layoutCore } from '../core-images.ts';
import { exportVerilog, type ExportOptions, type VerilogExport } from '../export-verilog.ts';
import { largestFit, type ScaledFit } from './fit-report.ts';
import { imageBits } from './image-bits.ts';
import { networkShape, type NetworkShape } from './network-shape.ts';
import { estimateResources, type ImageBits, type ResourceEstimate } from './resource-model.ts';

export interface NetworkFit {
  exported: VerilogExport;
  shape: NetworkShape;
  bits: Required<ImageBits>;
  estimate: ResourceEstimate;
  /** The largest same-shape network that fits and the one a neuron larger; none: no size fits. */
  largest: { largest: ScaledFit; next: ScaledFit } | undefined;
  synapses: number;
}

/** Throws export-verilog's `ExportRefusedError` / `CapacityError` for what it cannot export. */
export function fitNetwork(doc: NetworkDocument, options: ExportOptions): NetworkFit {
  const exported = exportVerilog(doc, options);
  const plan = compile(doc);
  const layout = layoutCore(plan);
  const shape = networkShape(doc, plan, layout);
  const bits = imageBits(layout.images, exported.capacity);
  return {
    exported,
    shape,
    bits,
    estimate: estimateResources(exported.capacity, bits),
    // Scaled networks keep the weights, delays and population kinds (so their bits and the
    // Poisson hashes) but not the addresses.
    largest: largestFit(shape, {
      synWeight: bits.synWeight,
      synDelay: bits.synDelay,
      poisson: bits.poisson,
    }),
    synapses: layout.needs.synapses,
  };
}
