/**
 * One HDF5 dataset as a NIR value: the numpy dtype of its HDF5 type, numeric arrays as typed
 * arrays, 0-d numbers as numbers, strings (variable or fixed length, as h5py writes `str` and
 * `bytes`) as strings. Shared by the graph reader and the NIR data reader.
 */
import type { NirDtype, NirStringArray, NirValue } from './graph.ts';
import { NIR_DTYPE_ARRAYS, NirFileError, shapeSize } from './graph.ts';
import type { H5Dataset } from './hdf5-module.ts';

/** h5wasm's dtype codes (numpy's struct letters, little-endian) to numpy names. */
const DTYPES: Record<string, NirDtype> = {
  '<d': 'float64',
  '<f': 'float32',
  '<q': 'int64',
  '<i': 'int32',
  '<h': 'int16',
  '<b': 'int8',
  '<Q': 'uint64',
  '<I': 'uint32',
  '<H': 'uint16',
  '<B': 'uint8',
};

/** The numpy dtype of a numeric HDF5 dtype code (`<f4` style, as h5wasm reports it). */
export function nirDtypeOf(code: string): NirDtype | undefined {
  return DTYPES[code];
}

/** The reverse of `nirDtypeOf`, for writing. */
export function h5DtypeOf(dtype: NirDtype): string {
  for (const [code, name] of Object.entries(DTYPES)) if (name === dtype) return code;
  throw new Error(`no HDF5 code for ${dtype}`);
}

function isStringDtype(dtype: unknown): boolean {
  return typeof dtype === 'string' && /^[SA]\d*$/.test(dtype);
}

/**
 * The dataset's value: a number for a 0-d numeric dataset, a string for a 0-d string, a
 * `NirArray` for a numeric array, a `NirStringArray` for an array of strings; anything else
 * (compound, enum such as numpy's bool, big-endian, float16) is a `NirFileError` at `path`.
 */
export function readDatasetValue(dataset: H5Dataset, path: string): NirValue | NirStringArray {
  const shape = dataset.shape;
  if (shape === null) throw new NirFileError(path, 'an empty (null) dataspace holds no value');
  const dtype = dataset.dtype;
  const value = dataset.value;
  if (isStringDtype(dtype)) {
    if (shape.length === 0) {
      if (typeof value !== 'string') throw new NirFileError(path, 'unreadable string');
      return value;
    }
    const strings = Array.isArray(value) ? value : [];
    if (strings.length !== shapeSize(shape) || !strings.every((s) => typeof s === 'string')) {
      throw new NirFileError(path, 'unreadable array of strings');
    }
    return { shape: [...shape], dtype: 'string', data: strings };
  }
  const nirDtype = typeof dtype === 'string' ? nirDtypeOf(dtype) : undefined;
  if (nirDtype === undefined) {
    throw new NirFileError(
      path,
      `unsupported HDF5 type ${JSON.stringify(dtype)} (NIR values are numbers or strings)`,
    );
  }
  if (shape.length === 0) {
    if (typeof value === 'number') return value;
    if (typeof value === 'bigint') return Number(value);
    throw new NirFileError(path, 'unreadable number');
  }
  // h5wasm returns the typed array of the file's type; anything else is not what we think.
  if (!(value instanceof NIR_DTYPE_ARRAYS[nirDtype])) {
    throw new NirFileError(path, `unreadable array (expected ${nirDtype} values)`);
  }
  return { shape: [...shape], dtype: nirDtype, data: value };
}
