/**
 * Schema of the structured connectivity rules (`document-conv.ts`): conv1d, conv2d, the two 2-D
 * pools and explicit pairs. Field by field only; shapes, kernel sizes and pair ranges are
 * cross-checks (`checks/conv.ts`).
 */
import type { ConvConnectivity, ConvKernel } from '../document.ts';
import { MAX_POPULATION_SIZE } from '../limits.ts';
import {
  array,
  describeValue,
  indexPath,
  INVALID,
  literal,
  number,
  object,
  report,
} from '../schema/index.ts';
import type { Schema } from '../schema/index.ts';

/**
 * Exactly two values of `item` (a 2-D stride, padding, ...), typed as a pair.
 *
 * @example pair(number({ integer: true, min: 1 })).parse([2, 2], 'stride', issues) // [2, 2]
 */
function pair(item: Schema<number>): Schema<[number, number]> {
  return {
    parse(value, path, issues) {
      if (!Array.isArray(value) || value.length !== 2) {
        report(issues, path, `must be an array of 2 numbers, got ${describeValue(value)}`);
        return INVALID;
      }
      const a = item.parse(value[0] as unknown, indexPath(path, 0), issues);
      const b = item.parse(value[1] as unknown, indexPath(path, 1), issues);
      return a === INVALID || b === INVALID ? INVALID : [a, b];
    },
    jsonSchema: () => ({ type: 'array', items: item.jsonSchema(), minItems: 2, maxItems: 2 }),
  };
}

const positive = number({ integer: true, min: 1 });
const nonNegative = number({ integer: true, min: 0 });
const index = number({ integer: true, min: 0, lt: MAX_POPULATION_SIZE });

const kernel: Schema<ConvKernel> = object({
  shape: array(positive, { description: 'C order, e.g. [Cout, Cin/groups, kH, kW].' }),
  values: array(number(), { description: 'Kernel values in C order.' }),
});

/** The conv and pool rules and `explicit`, as variants of the connectivity union. */
export const convConnectivityVariants = {
  conv2d: object({
    rule: literal('conv2d'),
    kernel,
    stride: pair(positive),
    padding: pair(nonNegative),
    dilation: pair(positive),
    groups: positive,
  }),
  conv1d: object({
    rule: literal('conv1d'),
    kernel,
    stride: positive,
    padding: nonNegative,
    dilation: positive,
    groups: positive,
  }),
  sum_pool2d: object({
    rule: literal('sum_pool2d'),
    kernel_size: pair(positive),
    stride: pair(positive),
    padding: pair(nonNegative),
  }),
  avg_pool2d: object({
    rule: literal('avg_pool2d'),
    kernel_size: pair(positive),
    stride: pair(positive),
    padding: pair(nonNegative),
  }),
  explicit: object({
    rule: literal('explicit'),
    pairs: object({
      sources: array(index, { description: 'Source neuron of each synapse.' }),
      targets: array(index, { description: 'Target neuron of each synapse.' }),
    }),
  }),
} satisfies Record<ConvConnectivity['rule'], Schema<ConvConnectivity>>;
