// The generated shop at rest: typed-array columns, one row per order / customer / contract, rows in
// id order. About 24 bytes per order, 45 per customer, 20 per contract.

export interface OrderColumns {
  count: number;
  processedAt: Float64Array;
  customer: Int32Array; // customer row, -1 for guest and test orders
  contract: Int32Array; // contract row for subscription origin and renewal orders, else -1
  seed: Uint32Array; // the order's own stream (lines, money, journey, events)
  flags: Uint16Array; // kind, source, presentment: see order-flags.ts
  customerOrderIndex: Uint16Array; // 1-based position in the customer's orders, 0 without a customer
}

export interface CustomerColumns {
  count: number;
  channel: Uint8Array;
  influencer: Int8Array;
  firstProduct: Uint8Array;
  crossBorder: Uint8Array;
  contract: Int32Array;
  ratePerYear: Float32Array;
  dropout: Float32Array;
  meanSpendJpy: Float32Array;
  firstOrderAt: Float64Array;
  updatedAt: Float64Array;
  orderCount: Uint32Array;
}

export interface ContractColumns {
  count: number;
  customer: Int32Array;
  originOrder: Int32Array;
  seed: Uint32Array;
  createdAt: Float64Array;
}

export interface ShopColumns {
  orders: OrderColumns;
  customers: CustomerColumns;
  contracts: ContractColumns;
}

type TypedArray = Uint8Array | Int8Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;
type TypedArrayConstructor<T extends TypedArray> = new (length: number) => T;

function sameKind<T extends TypedArray>(array: T, length: number): T {
  return new (array.constructor as TypedArrayConstructor<T>)(length);
}

/** A copy of `array` with room for `capacity` rows. */
export function resized<T extends TypedArray>(array: T, capacity: number): T {
  const next = sameKind(array, capacity);
  (next as Float64Array).set(capacity >= array.length ? array : array.subarray(0, capacity));
  return next;
}

/** `out[i] = array[order[i]]` — applies a sort permutation to a column. */
export function gathered<T extends TypedArray>(array: T, order: Uint32Array): T {
  const out = sameKind(array, order.length);
  gatherBits(bitsOf(out), bitsOf(array), order);
  return out;
}

type BitsView = Uint8Array | Uint16Array | Uint32Array | Float64Array;

/**
 * The column's bits as one of four array kinds. Copying bits is exact for every element type, and
 * four kinds keep gatherBits' element access polymorphic rather than megamorphic (seven kinds made
 * it eight times slower).
 */
function bitsOf(array: TypedArray): BitsView {
  const { buffer, byteOffset, length } = array;
  switch (array.BYTES_PER_ELEMENT) {
    case 1: return new Uint8Array(buffer, byteOffset, length);
    case 2: return new Uint16Array(buffer, byteOffset, length);
    case 4: return new Uint32Array(buffer, byteOffset, length);
    default: return array as Float64Array;
  }
}

function gatherBits(out: BitsView, source: BitsView, order: Uint32Array): void {
  for (let i = 0; i < order.length; i++) out[i] = source[order[i]];
}

/**
 * The permutation that sorts rows by instant (whole seconds), ties by row: instant and row are packed
 * into one exactly-representable double, so the sort is the engine's native numeric sort.
 */
export function sortByInstant(instants: Float64Array, count: number, origin: number): Uint32Array {
  const rowBits = Math.max(1, Math.ceil(Math.log2(count + 1)));
  const rowSpan = Math.pow(2, rowBits);
  let latest = 0;
  const keys = new Float64Array(count);
  for (let row = 0; row < count; row++) {
    const seconds = Math.round((instants[row] - origin) / 1000);
    if (seconds < 0) throw new Error(`row ${row} is before the calendar's first day`);
    if (seconds > latest) latest = seconds;
    keys[row] = seconds * rowSpan + row;
  }
  if ((latest + 1) * rowSpan > Number.MAX_SAFE_INTEGER) throw new Error(`${count} rows over this window do not fit a sort key; shorten the window`);
  keys.sort();
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = keys[i] % rowSpan;
  return order;
}
