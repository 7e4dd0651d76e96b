/**
 * Plain data sent as JSON in pieces, so that the page can read it in short
 * tasks: `JSON.parse` of a large text is one task as long as the text (the
 * 2 MB of a 4,990-tier block's warnings, or of its checked program, take
 * 30–70 ms each on a loaded machine). The worker writes the value with its
 * long arrays left empty, and the items of each long array in groups of
 * `size`; the page parses the value, then one group at a time, putting each
 * group's items back into its array. The arrays are found by their path, not
 * by a marker in the data, so no text in the rules can be mistaken for one.
 */

type Key = string | number;

export interface JsonPieces {
  /** The value, with each long array empty. */
  readonly value: string;
  /** The items of the long arrays, a group at a time, in order. */
  readonly groups: readonly { readonly path: readonly Key[]; readonly items: string }[];
}

/** Writes `data` as JSON (the same JSON as `JSON.stringify`) in pieces of at most `size` array items. */
export function toPieces(data: unknown, size: number): JsonPieces {
  const paths = new WeakMap<object, readonly Key[]>();
  const long: { path: readonly Key[]; items: readonly unknown[] }[] = [];
  const value = JSON.stringify(data, function (this: unknown, key: string, item: unknown) {
    if (item === null || typeof item !== 'object') return item;
    const holder = paths.get(this as object);
    const path = holder ? [...holder, Array.isArray(this) ? Number(key) : key] : [];
    if (Array.isArray(item) && item.length > size) {
      long.push({ path, items: item });
      return [];
    }
    paths.set(item, path);
    return item;
  });
  const groups = long.flatMap(({ path, items }) =>
    Array.from({ length: Math.ceil(items.length / size) }, (_, i) => ({ path, items: JSON.stringify(items.slice(i * size, (i + 1) * size)) })));
  return { value, groups };
}

/** Reads pieces back, yielding after each parse: one `JSON.parse` of a short text per step. */
export function* fromPieces(pieces: JsonPieces): Generator<void, unknown, void> {
  const value = JSON.parse(pieces.value) as unknown;
  for (const group of pieces.groups) {
    yield;
    const array = group.path.reduce<unknown>((at, key) => (at as Record<Key, unknown>)[key], value) as unknown[];
    for (const item of JSON.parse(group.items) as unknown[]) array.push(item);
  }
  return value;
}
