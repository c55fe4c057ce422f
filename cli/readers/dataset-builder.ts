// Accumulates orders read from a file into the engine's columns. Customers arrive as opaque keys
// (ids or email hashes) and become dense indices; strings become dictionary codes.
import { allocateOrderColumns, emptyDictionaries, type Dictionaries, type ShopDataset } from "../../app/metrics/dataset.ts";

export interface BuiltOrder {
  customerKey: string | null;
  processedAt: number;
  grossAmount: number;
  cancelled: boolean;
  test: boolean;
  subscription: boolean;
  channel: string | null;
  discountCode: string | null;
  firstProduct: string | null;
  country: string | null;
  refunds: { at: number; amount: number }[];
}

export class DatasetBuilder {
  private readonly orders: BuiltOrder[] = [];
  private readonly customers = new Map<string, number>();
  private readonly codes = new Map<keyof Dictionaries, Map<string, number>>();
  readonly dictionaries = emptyDictionaries();

  add(order: BuiltOrder): void {
    this.orders.push(order);
  }

  get size(): number {
    return this.orders.length;
  }

  private code(dictionary: keyof Dictionaries, value: string | null): number {
    if (value === null || value === "") return -1;
    let map = this.codes.get(dictionary);
    if (!map) this.codes.set(dictionary, (map = new Map()));
    let code = map.get(value);
    if (code === undefined) {
      code = this.dictionaries[dictionary].push(value) - 1;
      map.set(value, code);
    }
    return code;
  }

  build(timeZone: string, currency: string): ShopDataset {
    const n = this.orders.length;
    const columns = allocateOrderColumns(n);
    const refundOrder: number[] = [];
    const refundAt: number[] = [];
    const refundAmount: number[] = [];
    this.orders.forEach((order, i) => {
      let customer = -1;
      if (order.customerKey !== null) {
        customer = this.customers.get(order.customerKey) ?? this.customers.size;
        this.customers.set(order.customerKey, customer);
      }
      columns.customer[i] = customer;
      columns.processedAt[i] = order.processedAt;
      columns.grossAmount[i] = order.grossAmount;
      columns.cancelled[i] = order.cancelled ? 1 : 0;
      columns.test[i] = order.test ? 1 : 0;
      columns.subscription[i] = order.subscription ? 1 : 0;
      columns.channel[i] = this.code("channel", order.channel);
      columns.discountCode[i] = this.code("discountCode", order.discountCode);
      columns.firstProduct[i] = this.code("product", order.firstProduct);
      columns.country[i] = this.code("country", order.country);
      for (const refund of order.refunds) {
        refundOrder.push(i);
        refundAt.push(refund.at);
        refundAmount.push(refund.amount);
      }
    });
    return {
      timeZone,
      currency,
      customerCount: this.customers.size,
      orders: columns,
      refunds: { order: Int32Array.from(refundOrder), processedAt: Float64Array.from(refundAt), amount: Float64Array.from(refundAmount) },
      dictionaries: this.dictionaries,
    };
  }
}
