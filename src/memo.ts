// A process-wide memo with a bound: what a plan repeats thousands of times (its words, its paragraphs) is worked
// out once, and a long-running `build --watch` or workspace cannot grow it without end.

/**
 * `table`'s value for `key`, made by `make` the first time, never dropped: for a table keyed by objects that go with
 * their documents (a WeakMap), or by the few values of a key (a size, a path), such as one level of a nested memo.
 */
export function held<K, V>(table: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, make: () => V): V {
  let value = table.get(key);
  if (value === undefined) table.set(key, (value = make()));
  return value;
}

/** `cache`'s value for `key`, made by `make` the first time; the cache is emptied once it holds `limit` entries. */
export function remembered<K, V>(cache: Map<K, V>, key: K, make: () => V, limit: number): V {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= limit) cache.clear();
    value = make();
    cache.set(key, value);
  }
  return value;
}
