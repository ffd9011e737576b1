// Values made once per object, in one weak table per name: a handful of names, many objects (on a
// large workspace 100,000 functions or routes, where a table per object cost more than it held).
// Each value lives as long as its object.

export class NamedMemo {
  private readonly tables = new Map<string, WeakMap<object, unknown>>();

  /** What `make` gives for `key` under `name`, made on the first ask (undefined is kept too). */
  get<K extends object, V>(name: string, key: K, make: () => V): V {
    let table = this.tables.get(name);
    if (!table) this.tables.set(name, (table = new WeakMap()));
    // One lookup where a value is kept (most asks find one).
    const known = table.get(key);
    if (known !== undefined || table.has(key)) return known as V;
    const v = make();
    table.set(key, v);
    return v;
  }

  /** Forgets every value. */
  clear(): void {
    this.tables.clear();
  }
}
