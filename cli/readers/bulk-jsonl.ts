// Shopify bulk-operation JSONL of orders (the sync's OrdersBulkExport shape): an order per line, each
// line item its own line after it with __parentId. Refunds come inside the order with their own time.
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { z } from "zod";
import { acquisitionChannel } from "../../app/metrics/acquisition-channel.ts";
import { currencyDecimals } from "../../app/metrics/dataset.ts";
import { InputError } from "../input-error.ts";
import { DatasetBuilder, type BuiltOrder } from "./dataset-builder.ts";
import type { ReadOptions } from "./shopify-orders-csv.ts";
import { parseInstant, parseMoney } from "./values.ts";

const money = z.object({ shopMoney: z.object({ amount: z.string(), currencyCode: z.string() }) });
const orderLine = z.object({
  id: z.string(),
  processedAt: z.string(),
  cancelledAt: z.string().nullish(),
  test: z.boolean().nullish(),
  sourceName: z.string().nullish(),
  discountCodes: z.array(z.string()).nullish(),
  customer: z.object({ id: z.string() }).nullish(),
  totalPriceSet: money,
  refunds: z.array(z.object({ createdAt: z.string(), totalRefundedSet: money })).nullish(),
  billingAddress: z.object({ countryCodeV2: z.string().nullish() }).nullish(),
  customerJourneySummary: z.object({
    firstVisit: z.object({
      source: z.string().nullish(),
      utmParameters: z.object({ source: z.string().nullish(), medium: z.string().nullish() }).nullish(),
    }).nullish(),
  }).nullish(),
});
const lineItemLine = z.object({
  __parentId: z.string(),
  title: z.string().nullish(),
  quantity: z.number().int().nonnegative().nullish(),
  product: z.object({ id: z.string() }).nullish(),
  sellingPlan: z.unknown().nullish(),
  contract: z.unknown().nullish(),
});

export async function readBulkJsonl(input: Readable, options: ReadOptions) {
  const builder = new DatasetBuilder();
  const orders = new Map<string, BuiltOrder>();
  let currency = options.currency;
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    options.onRow?.();
    if (text.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const position = /position (\d+)/.exec((error as Error).message);
      throw new InputError(line, position ? Number(position[1]) + 1 : 1, "invalid JSON");
    }
    if (value && typeof value === "object" && "__parentId" in value) {
      const parsed = lineItemLine.safeParse(value);
      if (!parsed.success) throw issue(line, parsed.error);
      const order = orders.get(parsed.data.__parentId);
      if (!order) throw new InputError(line, "__parentId", `line item before its order ${parsed.data.__parentId}`);
      if (order.firstProduct === null) order.firstProduct = parsed.data.product?.id ?? parsed.data.title ?? null;
      if (parsed.data.sellingPlan || parsed.data.contract) order.subscription = true;
      continue;
    }
    const parsed = orderLine.safeParse(value);
    if (!parsed.success) throw issue(line, parsed.error);
    const o = parsed.data;
    currency ??= o.totalPriceSet.shopMoney.currencyCode;
    const decimals = currencyDecimals(currency);
    const order: BuiltOrder = {
      customerKey: o.customer?.id ?? null,
      processedAt: parseInstant(o.processedAt, options.timeZone, line, "processedAt"),
      grossAmount: parseMoney(o.totalPriceSet.shopMoney.amount, decimals, line, "totalPriceSet"),
      cancelled: Boolean(o.cancelledAt),
      test: Boolean(o.test),
      subscription: false,
      // The acquisition channel of the customer journey, classified as the app classifies it.
      channel: acquisitionChannel({
        firstVisitSource: o.customerJourneySummary?.firstVisit?.source ?? null,
        utmSource: o.customerJourneySummary?.firstVisit?.utmParameters?.source ?? null,
        utmMedium: o.customerJourneySummary?.firstVisit?.utmParameters?.medium ?? null,
      }),
      discountCode: o.discountCodes?.[0] ?? null,
      firstProduct: null,
      country: o.billingAddress?.countryCodeV2 ?? null,
      refunds: (o.refunds ?? []).map((refund) => ({
        at: parseInstant(refund.createdAt, options.timeZone, line, "refunds.createdAt"),
        amount: parseMoney(refund.totalRefundedSet.shopMoney.amount, decimals, line, "refunds.totalRefundedSet"),
      })),
    };
    builder.add(order);
    orders.set(o.id, order);
  }
  if (line === 0) throw new InputError(1, 1, "empty file");
  return builder.build(options.timeZone, currency ?? "USD");
}

function issue(line: number, error: z.ZodError): InputError {
  const first = error.issues[0];
  return new InputError(line, first.path.join(".") || 1, first.message);
}
