// One pass over the order columns that every metric family shares: which orders count, their net
// amount as of the as-of instant, and the counted orders grouped by customer in time order (a counting
// sort by customer, then insertion sort inside each — usually already in order), with per-customer facts.
import type { ShopDataset } from "./dataset.ts";

export const DAY_MS = 86_400_000;

export interface PreparedShop {
  asOf: number;
  /** Counted orders: not cancelled, not test, processed at or before asOf. */
  countedOrders: number;
  countedCustomerOrders: number;
  guestOrders: number;
  guestNetRevenue: number;
  grossRevenue: number;
  refundedAmount: number;
  netRevenue: number;
  /** Net amount of every input order as of asOf (gross − refunds processed at or before asOf). */
  netByOrder: Float64Array;
  /** Customer-grouped counted orders: original order index, time ascending within a customer. */
  groupedOrder: Int32Array;
  groupedTime: Float64Array;
  /** Net amount of each grouped order (netByOrder[groupedOrder[k]], laid out for sequential reads). */
  groupedNet: Float64Array;
  /** Customers with at least one counted order, ascending input index: rows c = 0..customers−1. */
  customers: number;
  customerIndex: Int32Array;
  /** Orders of row c are groupedOrder[groupStart[c] .. groupStart[c+1]). */
  groupStart: Int32Array;
  firstTime: Float64Array;
  /** Time of the second counted order; NaN for one-order customers. */
  secondTime: Float64Array;
  lastTime: Float64Array;
  orderCount: Int32Array;
  netTotal: Float64Array;
  /** Original index of the first counted order. */
  firstOrder: Int32Array;
  /** Customer row of each input customer index, −1 when the customer has no counted order. */
  rowByCustomer: Int32Array;
}

export function prepareShop(data: ShopDataset, asOf: number): PreparedShop {
  const { orders, refunds } = data;
  const n = orders.customer.length;
  const netByOrder = Float64Array.from(orders.grossAmount);
  if (refunds) {
    for (let k = 0; k < refunds.order.length; k++) {
      if (refunds.processedAt[k] <= asOf) netByOrder[refunds.order[k]] -= refunds.amount[k];
    }
  }

  const countByCustomer = new Int32Array(data.customerCount + 1);
  let countedOrders = 0;
  let guestOrders = 0;
  let guestNetRevenue = 0;
  let grossRevenue = 0;
  let netRevenue = 0;
  for (let i = 0; i < n; i++) {
    if (orders.cancelled[i] || orders.test[i] || !(orders.processedAt[i] <= asOf)) continue;
    countedOrders++;
    grossRevenue += orders.grossAmount[i];
    netRevenue += netByOrder[i];
    const c = orders.customer[i];
    if (c < 0) {
      guestOrders++;
      guestNetRevenue += netByOrder[i];
    } else {
      if (c >= data.customerCount) throw new RangeError(`order ${i}: customer ${c} >= customerCount`);
      countByCustomer[c + 1]++;
    }
  }

  let customers = 0;
  for (let c = 1; c <= data.customerCount; c++) if (countByCustomer[c] > 0) customers++;
  const customerIndex = new Int32Array(customers);
  const groupStart = new Int32Array(customers + 1);
  const rowByCustomer = new Int32Array(data.customerCount).fill(-1);
  // Prefix sums turn counts into the write cursor of each customer's group.
  const cursor = new Int32Array(data.customerCount);
  let row = 0;
  let offset = 0;
  for (let c = 0; c < data.customerCount; c++) {
    const count = countByCustomer[c + 1];
    cursor[c] = offset;
    if (count > 0) {
      customerIndex[row] = c;
      groupStart[row] = offset;
      rowByCustomer[c] = row++;
      offset += count;
    }
  }
  groupStart[customers] = offset;
  const countedCustomerOrders = offset;

  const groupedOrder = new Int32Array(countedCustomerOrders);
  const groupedTime = new Float64Array(countedCustomerOrders);
  for (let i = 0; i < n; i++) {
    const c = orders.customer[i];
    if (c < 0 || orders.cancelled[i] || orders.test[i] || !(orders.processedAt[i] <= asOf)) continue;
    const at = cursor[c]++;
    groupedOrder[at] = i;
    groupedTime[at] = orders.processedAt[i];
  }

  const groupedNet = new Float64Array(countedCustomerOrders);
  const firstTime = new Float64Array(customers);
  const secondTime = new Float64Array(customers);
  const lastTime = new Float64Array(customers);
  const orderCount = new Int32Array(customers);
  const netTotal = new Float64Array(customers);
  const firstOrder = new Int32Array(customers);
  for (let r = 0; r < customers; r++) {
    const start = groupStart[r];
    const end = groupStart[r + 1];
    // Insertion sort by time, ties by order index so results do not depend on input order.
    for (let k = start + 1; k < end; k++) {
      const t = groupedTime[k];
      const o = groupedOrder[k];
      let j = k - 1;
      while (j >= start && (groupedTime[j] > t || (groupedTime[j] === t && groupedOrder[j] > o))) {
        groupedTime[j + 1] = groupedTime[j];
        groupedOrder[j + 1] = groupedOrder[j];
        j--;
      }
      groupedTime[j + 1] = t;
      groupedOrder[j + 1] = o;
    }
    let total = 0;
    for (let k = start; k < end; k++) total += groupedNet[k] = netByOrder[groupedOrder[k]];
    firstTime[r] = groupedTime[start];
    secondTime[r] = end - start > 1 ? groupedTime[start + 1] : Number.NaN;
    lastTime[r] = groupedTime[end - 1];
    orderCount[r] = end - start;
    netTotal[r] = total;
    firstOrder[r] = groupedOrder[start];
  }

  return {
    asOf,
    countedOrders,
    countedCustomerOrders,
    guestOrders,
    guestNetRevenue,
    grossRevenue,
    refundedAmount: grossRevenue - netRevenue,
    netRevenue,
    netByOrder,
    groupedOrder,
    groupedTime,
    groupedNet,
    customers,
    customerIndex,
    groupStart,
    firstTime,
    secondTime,
    lastTime,
    orderCount,
    netTotal,
    firstOrder,
    rowByCustomer,
  };
}
