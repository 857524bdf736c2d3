// A process-wide memo with a bound: what a plan repeats thousands of times (its words, its paragraphs) is worked
// out once, and a long-running `build --watch` or workspace cannot grow it without end.

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
