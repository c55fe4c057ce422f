// The app's adapter to the engine: one shop's stored orders, refunds, contracts and survey answers read
// into the engine's columns (app/metrics/dataset.ts). Orders are read in pages, so a shop's rows never
// sit in memory as Prisma objects all at once.
import type { Db } from "../db.server";
import { allocateOrderColumns, BILLING_INTERVAL_UNITS, type BillingIntervalUnit, emptyDictionaries, type OrderColumns, type ShopDataset, type SubscriptionColumns } from "../metrics/dataset";
import { surveySegmentsByCustomer } from "../surveys/segments.server";
import { subscriptionSignal } from "../sync/orders/subscription-signals";
import { acquisitionChannel } from "../metrics/acquisition-channel";
import { DEFAULT_SETTINGS, excludedBySourceOrTag, type OrderExclusions } from "../settings/shop-settings";

const PAGE = 20_000;

class Dictionary {
  readonly values: string[] = [];
  readonly #index = new Map<string, number>();
  code(value: string | null | undefined): number {
    if (!value) return -1;
    let code = this.#index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.#index.set(value, code);
    }
    return code;
  }
}

/** `exclusions` (the shop's settings): orders from excluded sources or with excluded tags are not read at all. */
export async function readShopDataset(db: Db, shop: string, exclusions: OrderExclusions = DEFAULT_SETTINGS.exclusions): Promise<ShopDataset> {
  const facts = await db.shop.findUniqueOrThrow({ where: { shop }, select: { currencyCode: true, ianaTimezone: true } });
  const count = await db.order.count({ where: { shop } });
  let orders = allocateOrderColumns(count);
  const customers = new Dictionary();
  const channels = new Dictionary();
  const codes = new Dictionary();
  const products = new Dictionary();
  const rowOfOrder = new Map<string, number>();

  let row = 0;
  let cursor: { shop: string; id: string } | undefined;
  for (;;) {
    const page = await db.order.findMany({
      where: { shop },
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { shop_id: cursor }, skip: 1 } : {}),
      select: {
        id: true, customerId: true, processedAt: true, totalPriceAmount: true, cancelledAt: true, test: true, hasSubscriptionLine: true,
        sourceName: true, tags: true, discountCodes: true, firstVisitSource: true, utmSource: true, utmMedium: true,
      },
    });
    for (const order of page) {
      if (row >= count) break; // orders written since the count: the next snapshot has them
      if (excludedBySourceOrTag(exclusions, order)) continue;
      rowOfOrder.set(order.id, row);
      orders.customer[row] = order.customerId ? customers.code(order.customerId) : -1;
      orders.processedAt[row] = order.processedAt.getTime();
      orders.grossAmount[row] = Number(order.totalPriceAmount);
      orders.cancelled[row] = order.cancelledAt ? 1 : 0;
      orders.test[row] = order.test && exclusions.testOrders ? 1 : 0;
      orders.subscription[row] = subscriptionSignal(order) ? 1 : 0;
      orders.channel[row] = channels.code(acquisitionChannel(order));
      orders.discountCode[row] = codes.code((JSON.parse(order.discountCodes) as string[])[0]);
      row++;
    }
    if (page.length < PAGE) break;
    cursor = { shop, id: page[page.length - 1].id };
  }
  if (row < count) orders = trimmedColumns(orders, row);
  // The product of each order's first line (lowest line id).
  let lineCursor: { shop: string; id: string } | undefined;
  const firstLineOf = new Map<number, string>();
  // One line per product, to read the product's title from once the codes are known.
  const lineOfProduct: string[] = [];
  for (;;) {
    const page = await db.orderLine.findMany({
      where: { shop },
      orderBy: { id: "asc" },
      take: PAGE * 2,
      ...(lineCursor ? { cursor: { shop_id: lineCursor }, skip: 1 } : {}),
      select: { id: true, orderId: true, productId: true },
    });
    for (const line of page) {
      const orderRow = rowOfOrder.get(line.orderId);
      if (orderRow === undefined || !line.productId) continue;
      const seen = firstLineOf.get(orderRow);
      if (seen === undefined || line.id < seen) {
        firstLineOf.set(orderRow, line.id);
        const product = products.code(line.productId);
        orders.firstProduct[orderRow] = product;
        lineOfProduct[product] ??= line.id;
      }
    }
    if (page.length < PAGE * 2) break;
    lineCursor = { shop, id: page[page.length - 1].id };
  }

  const productTitles: string[] = [];
  for (let i = 0; i < lineOfProduct.length; i += 500) {
    const lines = await db.orderLine.findMany({ where: { shop, id: { in: lineOfProduct.slice(i, i + 500) } }, select: { productId: true, title: true } });
    for (const line of lines) if (line.productId && line.title) productTitles[products.code(line.productId)] = line.title;
  }

  const refundRows = await db.refund.findMany({ where: { shop }, select: { orderId: true, createdAt: true, totalAmount: true } });
  const refunds = refundRows.filter((refund) => rowOfOrder.has(refund.orderId));
  const dataset: ShopDataset = {
    timeZone: facts.ianaTimezone,
    currency: facts.currencyCode,
    customerCount: 0,
    orders,
    refunds: {
      order: Int32Array.from(refunds, (refund) => rowOfOrder.get(refund.orderId)!),
      processedAt: Float64Array.from(refunds, (refund) => refund.createdAt.getTime()),
      amount: Float64Array.from(refunds, (refund) => Number(refund.totalAmount)),
    },
    dictionaries: { ...emptyDictionaries(), channel: channels.values, discountCode: codes.values, product: products.values },
    subscriptions: await readSubscriptionSpans(db, shop, customers),
  };
  const segments = await surveySegmentsByCustomer(db, shop);
  if (segments.length > 0) {
    // Customers who answered but have no counted order yet get an index too, before the columns are sized.
    const rows = segments.map((segment) => customers.code(segment.customerId));
    dataset.surveySegments = (["satisfactionBand", "attributionChannel", "purchaseReason"] as const).map((name) => {
      const values = new Dictionary();
      const valueByCustomer = new Int32Array(customers.values.length).fill(-1);
      segments.forEach((segment, i) => (valueByCustomer[rows[i]] = values.code(segment[name])));
      return { name, valueByCustomer, values: values.values };
    });
  }
  dataset.customerCount = customers.values.length;
  dataset.customerIds = customers.values;
  dataset.productTitles = productTitles;
  return dataset;
}

/** The first `rows` rows of every column (views, no copy): excluded orders left rows unused at the end. */
function trimmedColumns(columns: OrderColumns, rows: number): OrderColumns {
  return Object.fromEntries(Object.entries(columns).map(([name, column]: [string, OrderColumns[keyof OrderColumns]]) => [name, column.subarray(0, rows)])) as unknown as OrderColumns;
}

/** Contracts with their lines and history, in pages: one query for all would bind every contract id (SQLite caps variables). */
const CONTRACT_PAGE = 5_000;

async function readContractsPaged(db: Db, shop: string) {
  const include = {
    lines: { select: { quantity: true, currentPriceAmount: true } },
    history: { orderBy: { changedAt: "asc" as const }, select: { toStatus: true, changedAt: true } },
  };
  const contracts = [];
  for (let after = ""; ; ) {
    const page = await db.subscriptionContract.findMany({ where: { shop, id: { gt: after } }, orderBy: { id: "asc" }, take: CONTRACT_PAGE, include });
    contracts.push(...page);
    if (page.length < CONTRACT_PAGE) return contracts;
    after = page[page.length - 1].id;
  }
}

/** Contracts' active spans from their status history: ACTIVE opens a span, any other status closes it. */
async function readSubscriptionSpans(db: Db, shop: string, customers: Dictionary): Promise<SubscriptionColumns | undefined> {
  const contracts = await readContractsPaged(db, shop);
  if (contracts.length === 0) return undefined;
  const spans: Array<{ subscriber: number; customer: number; start: number; end: number; unit: number; count: number; amount: number }> = [];
  contracts.forEach((contract, index) => {
    const customer = contract.customerId ? customers.code(contract.customerId) : -1;
    const unit = BILLING_INTERVAL_UNITS.indexOf(contract.billingIntervalUnit as BillingIntervalUnit);
    const amount = contract.lines.reduce((sum, line) => sum + Number(line.currentPriceAmount) * line.quantity, 0);
    let openedAt: number | null = null;
    for (const change of contract.history) {
      if (change.toStatus === "ACTIVE" && openedAt === null) openedAt = change.changedAt.getTime();
      else if (change.toStatus !== "ACTIVE" && openedAt !== null) {
        spans.push({ subscriber: customer >= 0 ? customer : -1 - index, customer, start: openedAt, end: change.changedAt.getTime(), unit, count: contract.billingIntervalCount, amount });
        openedAt = null;
      }
    }
    if (openedAt !== null) spans.push({ subscriber: customer >= 0 ? customer : -1 - index, customer, start: openedAt, end: Number.NaN, unit, count: contract.billingIntervalCount, amount });
  });
  // Contracts without a customer (redacted) still count as subscribers: indices past every customer's.
  const base = customers.values.length + 1;
  return {
    subscriber: Int32Array.from(spans, (span) => (span.subscriber >= 0 ? span.subscriber : base - 1 - span.subscriber)),
    customer: Int32Array.from(spans, (span) => span.customer),
    startedAt: Float64Array.from(spans, (span) => span.start),
    endedAt: Float64Array.from(spans, (span) => span.end),
    billingIntervalUnit: Uint8Array.from(spans, (span) => Math.max(0, span.unit)),
    billingIntervalCount: Int32Array.from(spans, (span) => span.count),
    amountPerBilling: Float64Array.from(spans, (span) => span.amount),
  };
}
