/**
 * Where each string value the schema knows sits, in order: what lets an edit inside one be re-checked
 * alone (see incremental.ts). Typed arrays and a small table of (schema, key) pairs: tens of thousands of
 * entries with no object each, so keeping them costs the garbage collector next to nothing.
 */
import { JSONSchema } from '../schema';

export class StringValues {
  count = 0;
  // Small at first: most files are a few hundred bytes, and typed arrays cost to allocate; they double.
  offsets: Int32Array = new Int32Array(16);
  lengths: Int32Array = new Int32Array(16);
  kinds: Int32Array = new Int32Array(16);
  readonly table: { schema: JSONSchema; key: string }[] = [];
  private readonly kindOf = new Map<JSONSchema, Map<string, number>>();

  add(offset: number, length: number, schema: JSONSchema, key: string): void {
    if (this.count === this.offsets.length) {
      this.offsets = grow(this.offsets);
      this.lengths = grow(this.lengths);
      this.kinds = grow(this.kinds);
    }
    let byKey = this.kindOf.get(schema);
    if (!byKey) this.kindOf.set(schema, (byKey = new Map()));
    let kind = byKey.get(key);
    if (kind === undefined) {
      kind = this.table.push({ schema, key }) - 1;
      byKey.set(key, kind);
    }
    this.offsets[this.count] = offset;
    this.lengths[this.count] = length;
    this.kinds[this.count] = kind;
    this.count++;
  }
}

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
