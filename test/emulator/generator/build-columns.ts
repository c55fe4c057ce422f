// Generation proper: draws customers one after another until their orders, with the guest and test
// orders, make exactly the requested count; then sorts orders, customers and contracts by time so
// ids ascend with time. Customers whose whole history would overshoot the count are skipped (only
// ever the last few, and only ones with several orders), which keeps every drawn history intact.
import { AnonymousOrderModel } from "./anonymous-orders";
import { type ContractColumns, type CustomerColumns, type OrderColumns, type ShopColumns, gathered, resized, sortByInstant } from "./columns";
import { CustomerModel, Timeline } from "./customer-process";
import { KIND, SOURCE, kindOf, packFlags } from "./order-flags";
import { PROCESS } from "./process";
import { STREAM, deriveSeed } from "./random";
import type { ShopTiming } from "./timing";

/** Consecutive oversized customers tolerated before the remainder is filled with guest orders. */
const MAX_CONSECUTIVE_SKIPS = 10_000;

export interface OrderCountPlan {
  registered: number;
  guest: number;
  test: number;
}

export function planOrderCounts(orders: number): OrderCountPlan {
  const test = Math.round(orders * PROCESS.shares.test);
  const guest = Math.min(orders - test, Math.round(orders * PROCESS.shares.guest));
  return { registered: orders - test - guest, guest, test };
}

function emptyCustomers(capacity: number): CustomerColumns {
  return {
    count: 0,
    channel: new Uint8Array(capacity),
    influencer: new Int8Array(capacity),
    firstProduct: new Uint8Array(capacity),
    crossBorder: new Uint8Array(capacity),
    contract: new Int32Array(capacity),
    ratePerYear: new Float32Array(capacity),
    dropout: new Float32Array(capacity),
    meanSpendJpy: new Float32Array(capacity),
    firstOrderAt: new Float64Array(capacity),
    updatedAt: new Float64Array(capacity),
    orderCount: new Uint32Array(capacity),
  };
}

function emptyContracts(capacity: number): ContractColumns {
  return { count: 0, customer: new Int32Array(capacity), originOrder: new Int32Array(capacity), seed: new Uint32Array(capacity), createdAt: new Float64Array(capacity) };
}

/**
 * Replaces every typed-array column of a table (count excluded) with `fn(column)`, in place, so each
 * old column can be collected as soon as it is replaced. `fn` must return an array of the same kind
 * (resized, gathered, subarray all do); Float64Array stands for any of them here.
 */
function replaceColumns<T extends { count: number }>(table: T, fn: (column: Float64Array) => Float64Array): T {
  for (const key of Object.keys(table) as (keyof T)[]) {
    if (key !== "count") table[key] = fn(table[key] as unknown as Float64Array) as unknown as T[keyof T];
  }
  return table;
}

export function buildShopColumns(shopSeed: number, orderCount: number, timing: ShopTiming): ShopColumns {
  const plan = planOrderCounts(orderCount);
  const orders: OrderColumns = {
    count: orderCount,
    processedAt: new Float64Array(orderCount),
    customer: new Int32Array(orderCount).fill(-1),
    contract: new Int32Array(orderCount).fill(-1),
    seed: new Uint32Array(orderCount),
    flags: new Uint16Array(orderCount),
    customerOrderIndex: new Uint16Array(orderCount),
  };
  const customers = emptyCustomers(Math.max(16, Math.ceil(orderCount / 3)));
  const contracts = emptyContracts(Math.max(16, Math.ceil(orderCount / 20)));
  const model = new CustomerModel(shopSeed, timing);
  const timeline = new Timeline();
  let filled = 0;
  let skips = 0;
  for (let k = 0; filled < plan.registered && skips < MAX_CONSECUTIVE_SKIPS; k++) {
    const draw = model.draw(k, timeline);
    if (timeline.length > plan.registered - filled || timeline.length > 0xffff) {
      skips++;
      continue;
    }
    skips = 0;
    if (customers.count === customers.channel.length) replaceColumns(customers, (c) => resized(c, c.length * 2));
    const row = customers.count++;
    let contractRow = -1;
    if (draw.contract) {
      if (contracts.count === contracts.customer.length) replaceColumns(contracts, (c) => resized(c, c.length * 2));
      contractRow = contracts.count++;
      contracts.customer[contractRow] = row;
      contracts.seed[contractRow] = draw.contractSeed;
      contracts.createdAt[contractRow] = draw.contract.history[0].at;
    }
    let lastOrderAt = 0;
    for (let j = 0; j < timeline.length; j++) {
      const kind = timeline.kinds[j];
      const source = timeline.sources[j];
      orders.processedAt[filled] = timeline.times[j];
      orders.customer[filled] = row;
      orders.contract[filled] = kind === KIND.subscriptionOrigin || kind === KIND.renewal ? contractRow : -1;
      orders.seed[filled] = deriveSeed(shopSeed, STREAM.customerOrder, k, j);
      orders.flags[filled] = packFlags(kind, source, source === SOURCE.web ? draw.crossBorder : 0);
      lastOrderAt = Math.max(lastOrderAt, timeline.times[j]);
      filled++;
    }
    customers.channel[row] = draw.channel;
    customers.influencer[row] = draw.influencer;
    customers.firstProduct[row] = draw.firstProduct;
    customers.crossBorder[row] = draw.crossBorder;
    customers.contract[row] = contractRow;
    customers.ratePerYear[row] = draw.ratePerYear;
    customers.dropout[row] = draw.dropout;
    customers.meanSpendJpy[row] = draw.meanSpendJpy;
    customers.firstOrderAt[row] = timeline.times[0];
    customers.updatedAt[row] = Math.max(lastOrderAt, draw.contract?.updatedAt ?? 0);
    customers.orderCount[row] = timeline.length;
  }
  const anonymous = new AnonymousOrderModel(shopSeed, timing);
  const guests = plan.guest + (plan.registered - filled);
  for (let g = 0; g < guests; g++) filled = placeAnonymous(orders, filled, anonymous.guest(g));
  for (let t = 0; t < plan.test; t++) filled = placeAnonymous(orders, filled, anonymous.test(t));
  replaceColumns(customers, (c) => c.subarray(0, customers.count));
  replaceColumns(contracts, (c) => c.subarray(0, contracts.count));
  return sortedByTime({ orders, customers, contracts }, timing.calendar.dayStart[0]);
}

function placeAnonymous(orders: OrderColumns, row: number, order: { at: number; seed: number; flags: number }): number {
  orders.processedAt[row] = order.at;
  orders.seed[row] = order.seed;
  orders.flags[row] = order.flags;
  return row + 1;
}

/** Re-orders all three tables by time and rewrites the row references between them. */
function sortedByTime(shop: ShopColumns, origin: number): ShopColumns {
  const rankOf = (order: Uint32Array) => {
    const rank = new Int32Array(order.length);
    for (let i = 0; i < order.length; i++) rank[order[i]] = i;
    return rank;
  };
  const customerOrder = sortByInstant(shop.customers.firstOrderAt, shop.customers.count, origin);
  const customerRank = rankOf(customerOrder);
  const contractOrder = sortByInstant(shop.contracts.createdAt, shop.contracts.count, origin);
  const contractRank = rankOf(contractOrder);

  const customers = replaceColumns(shop.customers, (c) => gathered(c, customerOrder));
  for (let i = 0; i < customers.count; i++) if (customers.contract[i] >= 0) customers.contract[i] = contractRank[customers.contract[i]];
  const contracts = replaceColumns(shop.contracts, (c) => gathered(c, contractOrder));
  for (let i = 0; i < contracts.count; i++) contracts.customer[i] = customerRank[contracts.customer[i]];

  const orderOrder = sortByInstant(shop.orders.processedAt, shop.orders.count, origin);
  const orders = replaceColumns(shop.orders, (c) => gathered(c, orderOrder));
  const seen = new Uint32Array(customers.count);
  for (let i = 0; i < orders.count; i++) {
    const customer = orders.customer[i];
    if (customer < 0) continue;
    const rank = customerRank[customer];
    orders.customer[i] = rank;
    orders.customerOrderIndex[i] = ++seen[rank];
    const contract = orders.contract[i];
    if (contract < 0) continue;
    orders.contract[i] = contractRank[contract];
    if (kindOf(orders.flags[i]) === KIND.subscriptionOrigin) contracts.originOrder[contractRank[contract]] = i;
  }
  return { orders, customers, contracts };
}
