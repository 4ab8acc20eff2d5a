/**
 * Bit columns of the core's read-only images that vary: Yosys removes a column that holds the
 * same constant in every word of a ROM (the memory is padded with zeros to its depth), so a
 * ROM of small delays is as narrow as its largest delay. Pure.
 */
import { imageWidths, type CoreCapacity } from '../core-capacity.ts';
import { POP_FIELDS, POP_KIND, type CoreImages } from '../core-images.ts';
import type { ImageBits } from './resource-model.ts';

/**
 * Columns of `values` (words of `width` bits, two's complement when negative, zero-padded to
 * `depth` words) that are not the same in every word.
 */
export function varyingBits(values: readonly number[], depth: number, width: number): number {
  const modulus = 2 ** width;
  const words = values.map((v) => ((v % modulus) + modulus) % modulus);
  let count = 0;
  for (let b = 0; b < width; b++) {
    const bit = 2 ** b;
    let ones = 0;
    for (const v of words) if (Math.floor(v / bit) % 2 === 1) ones++;
    if (ones > 0 && ones < depth) count++;
  }
  return count;
}

/**
 * The varying bits of every read-only image of `images` at capacity `c`, and whether a
 * population is Poisson (field 0 of its `POP_FIELDS` words: the kind).
 */
export function imageBits(images: CoreImages, c: CoreCapacity): Required<ImageBits> {
  const w = imageWidths(c);
  const bits = (values: readonly number[], depth: number, width: number | undefined): number =>
    varyingBits(values, depth, width ?? 32);
  return {
    synTarget: bits(images.synTarget, c.SYNMAX, w.synTarget),
    synWeight: bits(images.synWeight, c.SYNMAX, w.synWeight),
    synDelay: bits(images.synDelay, c.SYNMAX, w.synDelay),
    rowStart: bits(images.rowStart, c.ROWMAX, w.rowStart),
    rowEnd: bits(images.rowEnd, c.ROWMAX, w.rowEnd),
    genPtr: bits(images.genPtr, c.GPTRMAX, w.genPtr),
    genIdx: bits(images.genIdx, c.GIDXMAX, w.genIdx),
    poisson: images.pop.some((v, k) => k % POP_FIELDS === 0 && v === POP_KIND.poisson),
  };
}
