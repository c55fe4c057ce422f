// Shopify admin "Export orders" CSV: one row per line item, order fields only on the order's first row.
// The export has no customer id, so a customer is the SHA-256 of the normalised email with a per-run
// salt, kept in memory only; orders without an email are orders without a customer.
import { createHash, randomBytes } from "node:crypto";
import type { Readable } from "node:stream";
import { currencyDecimals } from "../../app/metrics/dataset.ts";
import { InputError } from "../input-error.ts";
import { csvRecords } from "./csv-records.ts";
import { DatasetBuilder, type BuiltOrder } from "./dataset-builder.ts";
import { parseInstant, parseMoney, parseQuantity } from "./values.ts";

export const SHOPIFY_REQUIRED_COLUMNS = ["Name", "Email", "Total", "Created at", "Lineitem quantity", "Lineitem name"];

export function isShopifyOrdersHeader(header: string[]): boolean {
  return header.includes("Name") && header.includes("Lineitem quantity");
}

export interface ReadOptions {
  timeZone: string;
  currency: string | null;
  onRow?: () => void;
}

export async function readShopifyOrdersCsv(input: Readable, options: ReadOptions) {
  const salt = randomBytes(16);
  const builder = new DatasetBuilder();
  let columns: Map<string, number> | null = null;
  let currency = options.currency;
  let current: { name: string; order: BuiltOrder } | null = null;
  for await (const { record, line } of csvRecords(input)) {
    options.onRow?.();
    if (!columns) {
      columns = new Map(record.map((name, i) => [name.trim(), i]));
      for (const required of SHOPIFY_REQUIRED_COLUMNS) {
        if (!columns.has(required)) throw new InputError(line, required, `missing column "${required}" in the orders export header`);
      }
      continue;
    }
    const at = columns;
    const field = (name: string) => {
      const i = at.get(name);
      return i === undefined ? "" : (record[i] ?? "").trim();
    };
    const name = field("Name");
    if (name === "") throw new InputError(line, "Name", "empty order name");
    parseQuantity(field("Lineitem quantity"), line, "Lineitem quantity");
    if (current && current.name === name) continue; // another line item of the same order
    const rowCurrency = field("Currency") || currency || "USD";
    if (currency && rowCurrency !== currency && !options.currency) {
      throw new InputError(line, "Currency", `currency ${rowCurrency} differs from ${currency} earlier in the file`);
    }
    currency ??= rowCurrency;
    const decimals = currencyDecimals(currency);
    const processedAt = parseInstant(field("Created at"), options.timeZone, line, "Created at");
    const refunded = field("Refunded Amount") ? parseMoney(field("Refunded Amount"), decimals, line, "Refunded Amount") : 0;
    const email = field("Email").toLowerCase();
    const order: BuiltOrder = {
      customerKey: email ? createHash("sha256").update(salt).update(email).digest("base64") : null,
      processedAt,
      grossAmount: parseMoney(field("Total"), decimals, line, "Total"),
      cancelled: field("Cancelled at") !== "",
      test: false,
      subscription: false,
      channel: field("Source") || null,
      discountCode: field("Discount Code") || null,
      firstProduct: field("Lineitem name") || null,
      country: field("Billing Country") || field("Shipping Country") || null,
      // The export carries no refund time: refunds count from the order's own time.
      refunds: refunded > 0 ? [{ at: processedAt, amount: refunded }] : [],
    };
    builder.add(order);
    current = { name, order };
  }
  if (!columns) throw new InputError(1, 1, "empty file");
  return builder.build(options.timeZone, currency ?? "USD");
}
