// Builds small ShopDatasets from readable rows, for hand-checked engine tests.
import { allocateOrderColumns, emptyDictionaries, type ShopDataset } from "../../app/metrics/dataset.ts";

export interface TinyOrder {
  customer: number | null;
  at: string; // ISO instant
  amount: number; // minor units
  cancelled?: boolean;
  test?: boolean;
  subscription?: boolean;
  product?: string;
  channel?: string;
  code?: string;
  country?: string;
  refunds?: { at: string; amount: number }[];
}

export function tinyShop(orders: TinyOrder[], options: { timeZone?: string; currency?: string } = {}): ShopDataset {
  const columns = allocateOrderColumns(orders.length);
  const dictionaries = emptyDictionaries();
  const code = (list: string[], value: string | undefined) => {
    if (value === undefined) return -1;
    const at = list.indexOf(value);
    return at >= 0 ? at : list.push(value) - 1;
  };
  const refundOrder: number[] = [];
  const refundAt: number[] = [];
  const refundAmount: number[] = [];
  let customerCount = 0;
  orders.forEach((order, i) => {
    columns.customer[i] = order.customer ?? -1;
    customerCount = Math.max(customerCount, (order.customer ?? -1) + 1);
    columns.processedAt[i] = Date.parse(order.at);
    columns.grossAmount[i] = order.amount;
    columns.cancelled[i] = order.cancelled ? 1 : 0;
    columns.test[i] = order.test ? 1 : 0;
    columns.subscription[i] = order.subscription ? 1 : 0;
    columns.firstProduct[i] = code(dictionaries.product, order.product);
    columns.channel[i] = code(dictionaries.channel, order.channel);
    columns.discountCode[i] = code(dictionaries.discountCode, order.code);
    columns.country[i] = code(dictionaries.country, order.country);
    for (const refund of order.refunds ?? []) {
      refundOrder.push(i);
      refundAt.push(Date.parse(refund.at));
      refundAmount.push(refund.amount);
    }
  });
  return {
    timeZone: options.timeZone ?? "UTC",
    currency: options.currency ?? "USD",
    customerCount,
    orders: columns,
    refunds: { order: Int32Array.from(refundOrder), processedAt: Float64Array.from(refundAt), amount: Float64Array.from(refundAmount) },
    dictionaries,
  };
}
