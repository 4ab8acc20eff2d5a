/**
 * A small schema library: declare a shape once, get a validator that collects every issue with
 * its field path and a JSON Schema export. Only what the network document needs.
 */
export { array } from './array.ts';
export { number, type NumberOptions } from './number.ts';
export { object, optional, withDefault, type ObjectOf, type Shape } from './object.ts';
export { boolean, enumeration, literal, string, type StringOptions } from './primitives.ts';
export { taggedUnion } from './union.ts';
export { fieldPath, indexPath, report, ROOT_PATH } from './path.ts';
export { describeValue, isRecord } from './describe-value.ts';
export {
  INVALID,
  type Infer,
  type JsonObject,
  type JsonValue,
  type Parsed,
  type Schema,
} from './types.ts';
