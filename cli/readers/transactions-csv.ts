// Plain transactions CSV: customer_id,date,amount[,order_id]. Amounts are decimal major units of the
// currency; rows sharing an order_id form one order; an empty customer_id is an order without a customer.
import type { Readable } from "node:stream";
import { currencyDecimals } from "../../app/metrics/dataset.ts";
import { InputError } from "../input-error.ts";
import { csvRecords } from "./csv-records.ts";
import { DatasetBuilder, type BuiltOrder } from "./dataset-builder.ts";
import type { ReadOptions } from "./shopify-orders-csv.ts";
import { parseInstant, parseMoney } from "./values.ts";

export const TRANSACTION_COLUMNS = ["customer_id", "date", "amount", "order_id"];

export function isTransactionsHeader(header: string[]): boolean {
  return header[0]?.trim().toLowerCase() === "customer_id";
}

export async function readTransactionsCsv(input: Readable, options: ReadOptions) {
  const currency = options.currency ?? "USD";
  const decimals = currencyDecimals(currency);
  const builder = new DatasetBuilder();
  const byOrderId = new Map<string, BuiltOrder>();
  let header: string[] | null = null;
  for await (const { record, line } of csvRecords(input)) {
    options.onRow?.();
    if (!header) {
      header = record.map((h) => h.trim().toLowerCase());
      const expected = TRANSACTION_COLUMNS.slice(0, header.length);
      if (header.length < 3 || header.length > 4 || header.some((h, i) => h !== expected[i])) {
        const bad = header.findIndex((h, i) => h !== expected[i]);
        throw new InputError(line, bad >= 0 ? bad + 1 : header.length + 1, `header must be customer_id,date,amount[,order_id], got "${record.join(",")}"`);
      }
      continue;
    }
    const [customerId, date, amountText, orderId = ""] = record.map((v) => v.trim());
    const processedAt = parseInstant(date, options.timeZone, line, "date");
    const amount = parseMoney(amountText, decimals, line, "amount");
    const existing = orderId ? byOrderId.get(orderId) : undefined;
    if (existing) {
      existing.grossAmount += amount;
      continue;
    }
    const order: BuiltOrder = {
      customerKey: customerId || null,
      processedAt,
      grossAmount: amount,
      cancelled: false,
      test: false,
      subscription: false,
      channel: null,
      discountCode: null,
      firstProduct: null,
      country: null,
      refunds: [],
    };
    builder.add(order);
    if (orderId) byOrderId.set(orderId, order);
  }
  if (!header) throw new InputError(1, 1, "empty file");
  return builder.build(options.timeZone, currency);
}
