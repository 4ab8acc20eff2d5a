/** Report rows for the weight, delay and pass-through nodes of an import. */
import type { NirNode } from './graph.ts';
import type { WeightNode } from './import-weights.ts';
import { hasParam, readNumbers } from './nir-read.ts';
import type { NirMappingRow } from './report.ts';
import { describeValues, num } from './report-format.ts';

/** The parameter rows of a transform node (`desc` for weight nodes, `delay` rows for Delay). */
export function weightRows(
  node: NirNode,
  name: string,
  desc: WeightNode | undefined,
  delay: NirMappingRow[] | undefined,
): NirMappingRow[] {
  if (delay !== undefined) return delay;
  if (node.type === 'Flatten' || node.type === 'Identity') {
    const dims = ['start_dim', 'end_dim']
      .filter((k) => hasParam(node, k))
      .map((k) => `${k} ${readNumbers(node, name, k).values[0]}`)
      .join(', ');
    return [
      {
        param: 'flatten',
        nir: dims,
        spikelab: 'absorbed',
        formula: 'neuron index = C-order flat index, unchanged',
      },
    ];
  }
  if (desc === undefined) return [];
  const biasRow = (bias: number[] | null): NirMappingRow[] =>
    bias === null
      ? []
      : [
          {
            param: 'bias',
            nir: describeValues(bias, num),
            spikelab: "added to the target's bias",
            formula: 'bias[t] (a constant input every step)',
          },
        ];
  switch (desc.kind) {
    case 'dense':
      return [
        {
          param: 'weight',
          nir: `[${desc.outSize} x ${desc.inSize}]`,
          spikelab: `${desc.outSize * desc.inSize} weights`,
          formula: 'w[s -> t] = weight[t][s]',
        },
        ...biasRow(desc.bias),
      ];
    case 'scale':
      return [
        {
          param: 'scale',
          nir: describeValues(desc.scale.length === 1 ? (desc.scale[0] ?? 0) : desc.scale, num),
          spikelab: 'one weight per neuron',
          formula: 'w[i -> i] = scale[i]',
        },
      ];
    case 'conv':
      return [
        {
          param: 'weight',
          nir: `[${desc.kernel.shape.join(', ')}]`,
          spikelab: 'kernel',
          formula: 'w = kernel[o][c][ky][kx] for every tap inside the input',
        },
        {
          param: 'geometry',
          nir: `stride [${desc.stride.join(', ')}], padding [${desc.padLo.join(', ')}]${desc.padLo.some((p, i) => p !== desc.padHi[i]) ? ` / [${desc.padHi.join(', ')}] (same)` : ''}, dilation [${desc.dilation.join(', ')}], groups ${desc.groups}`,
          spikelab: `[${desc.inShape.join(', ')}] -> [${desc.outShape.join(', ')}]`,
          formula: 'out = floor((in + pad_lo + pad_hi - dilation*(k-1) - 1)/stride) + 1',
        },
        ...biasRow(desc.bias),
      ];
    case 'pool':
      return [
        {
          param: 'window',
          nir: `kernel [${desc.kernel.join(', ')}], stride [${desc.stride.join(', ')}], padding [${desc.padding.join(', ')}]`,
          spikelab: `[${desc.inShape.join(', ')}] -> [${desc.outShape.join(', ')}]`,
          formula:
            desc.op === 'sum'
              ? 'w = 1 per window cell'
              : `w = 1/(kH*kW) = ${num(1 / ((desc.kernel[0] ?? 1) * (desc.kernel[1] ?? 1)))} (padding counted, as PyTorch)`,
        },
      ];
  }
}
