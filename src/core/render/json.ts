// JSON for stdout a piece at a time: the text of JSON.stringify(value, null, 2), to the byte, without one
// string of it. A million people's `status --json` is about 700 MB of text, beyond the longest string V8
// can make (and a heap of objects for them beside it); the people are given as a JsonList and turned into
// text one at a time. Pure.

/** A list that jsonChunks writes one element at a time, made (`toJson`) as it is written. */
export class JsonList<T, J = unknown> {
  constructor(
    readonly items: Iterable<T>,
    readonly toJson: (item: T) => J,
  ) {}

  /** JSON.stringify gives the whole array, as it would have been. */
  toJSON(): J[] {
    return Array.from(this.items, (item) => this.toJson(item));
  }
}

const INDENT = '  ';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || typeof (v as { toJSON?: unknown }).toJSON === 'function') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** JSON.stringify(v, null, 2) placed at `pad`: a JSON string never holds a raw line break, so this is exact. */
function stringifyAt(v: unknown, pad: string): string | undefined {
  const text = JSON.stringify(v, null, 2) as string | undefined;
  return text === undefined || !pad || !text.includes('\n') ? text : text.replaceAll('\n', '\n' + pad);
}

/**
 * The text of JSON.stringify(value, null, 2) in pieces. Plain objects are walked, so that a JsonList in
 * them is written an element at a time; anything else is JSON.stringify's own. (One difference, which no
 * command meets: a toJSON method of a value in a walked object is given '' as its key, not the key.)
 */
export function* jsonChunks(value: unknown, pad = ''): Generator<string> {
  if (value instanceof JsonList) {
    const inner = pad + INDENT;
    let first = true;
    for (const item of value.items) {
      yield (first ? '[\n' : ',\n') + inner + (stringifyAt(value.toJson(item), inner) ?? 'null');
      first = false;
    }
    yield first ? '[]' : `\n${pad}]`;
    return;
  }
  if (!isPlainObject(value)) {
    const text = stringifyAt(value, pad);
    if (text !== undefined) yield text;
    return;
  }
  const inner = pad + INDENT;
  let first = true;
  for (const key of Object.keys(value)) {
    const v = value[key];
    const head = (first ? '{\n' : ',\n') + inner + JSON.stringify(key) + ': ';
    if (v instanceof JsonList || isPlainObject(v)) {
      yield head;
      yield* jsonChunks(v, inner);
    } else {
      const text = stringifyAt(v, inner);
      if (text === undefined) continue; // what JSON.stringify leaves out of an object (undefined, a function)
      yield head + text;
    }
    first = false;
  }
  yield first ? '{}' : `\n${pad}}`;
}
