/**
 * The instant half of the page's resource fit: `fitNetwork` (the CLI's `spikelab fit`) of a
 * document with the bundled core and the app's version, so the export Yosys reads is the one
 * `spikelab export-verilog` writes. Loaded on first use (`import()`), like the zip export.
 */
import { version } from '../../../package.json';
import { fitNetwork, type NetworkFit } from '../../hdl/fit/fit-network.ts';
import type { NetworkDocument } from '../../model/document.ts';
import { bundledCoreRtl } from './core-rtl.ts';

export function pageFit(doc: NetworkDocument): NetworkFit {
  return fitNetwork(doc, { rtl: bundledCoreRtl(), version });
}
