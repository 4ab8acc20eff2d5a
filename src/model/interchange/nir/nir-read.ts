/**
 * Reading a NIR node's parameters as plain numbers, shapes and words, with messages that name
 * the node and the parameter (`lif1.tau: ...`). NIR stores every parameter as an HDF5 dataset:
 * an array (any numeric dtype), a scalar, or a string (a Conv's `padding: 'same'`).
 */
import { isNirArray, type NirNode } from './graph.ts';

/** A parameter that cannot be read as the mapping needs it; the import reports it as not imported. */
export class NirParamError extends Error {
  override readonly name = 'NirParamError';
}

/** A parameter's values in C order and its shape (`[]` for a scalar). */
export interface NirNumbers {
  shape: number[];
  values: number[];
}

/** Whether the node has the parameter. */
export function hasParam(node: NirNode, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(node.params, name);
}

/** The parameter's numbers (bigints and bytes converted), or a `NirParamError` naming it. */
export function readNumbers(node: NirNode, nodeName: string, name: string): NirNumbers {
  const value = node.params[name];
  if (value === undefined) throw new NirParamError(`${nodeName}.${name}: missing`);
  if (typeof value === 'number') return { shape: [], values: [value] };
  if (typeof value === 'string') {
    throw new NirParamError(`${nodeName}.${name}: expected numbers, got the text '${value}'`);
  }
  if (!isNirArray(value)) throw new NirParamError(`${nodeName}.${name}: unreadable value`);
  const values = Array.from(value.data as ArrayLike<number | bigint>, (x) => Number(x));
  const shape = [...value.shape];
  if (values.length !== shape.reduce((a, b) => a * b, 1)) {
    throw new NirParamError(
      `${nodeName}.${name}: ${values.length} values do not fill the shape [${shape.join(', ')}]`,
    );
  }
  for (const x of values) {
    if (!Number.isFinite(x)) throw new NirParamError(`${nodeName}.${name}: not finite (${x})`);
  }
  return { shape, values };
}

/** The parameter's numbers, or `fallback` when the node lacks it. */
export function readNumbersOr(
  node: NirNode,
  nodeName: string,
  name: string,
  fallback: NirNumbers,
): NirNumbers {
  return hasParam(node, name) ? readNumbers(node, nodeName, name) : fallback;
}

/** A text parameter (e.g. `padding: 'same'`), or undefined when it is numeric or absent. */
export function readText(node: NirNode, name: string): string | undefined {
  const value = node.params[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Whole numbers of a parameter, padded to `count` (a scalar repeats, as PyTorch's `int` for a
 * 2-d stride), or a `NirParamError` naming it.
 */
export function readInts(node: NirNode, nodeName: string, name: string, count: number): number[] {
  const { values } = readNumbers(node, nodeName, name);
  const out = values.length === 1 ? new Array<number>(count).fill(values[0] ?? 0) : values;
  if (out.length !== count || !out.every((x) => Number.isInteger(x))) {
    throw new NirParamError(
      `${nodeName}.${name}: expected ${count} whole number${count === 1 ? '' : 's'}, got [${values.join(', ')}]`,
    );
  }
  return out;
}

/** Product of a shape's dimensions (1 for a scalar). */
export function shapeSize(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
