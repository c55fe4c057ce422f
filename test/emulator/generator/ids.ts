// The generated shop's id scheme. Each record family owns a disjoint range, ids ascend with time
// inside a family, and the ids of an order's lines and refunds are arithmetic on the order id, so
// they need no storage and can never collide:
//   order i (0-based, by processedAt)  ORDER_BASE + i
//   its line k / refund r / refund line  orderId * 64 + k | 16 + r | 20 + n
//   customer (by first order)          CUSTOMER_BASE + rank
//   contract (by creation)             CONTRACT_BASE + rank, its line k at contractId * 8 + k
// Line ids (>= 64 * ORDER_BASE = 3.2e14) lie above every base and every contract line id; the first
// free id for mutations is above all of them and below 2^53.

export const ID_BASE = {
  order: 5_000_000_000_000,
  sellingPlan: 6_000_000_000_000,
  product: 6_100_000_000_000,
  variant: 6_200_000_000_000,
  customer: 7_000_000_000_000,
  contract: 9_000_000_000_000,
} as const;

export const MAX_ORDERS = 100_000_000_000;
export const MAX_LINES_PER_ORDER = 16;
export const MAX_REFUNDS_PER_ORDER = 4;
const ORDER_ID_STRIDE = 64;
const REFUND_SLOT = MAX_LINES_PER_ORDER;
const REFUND_LINE_SLOT = REFUND_SLOT + MAX_REFUNDS_PER_ORDER;
export const MAX_REFUND_LINES_PER_ORDER = ORDER_ID_STRIDE - REFUND_LINE_SLOT;

export const orderId = (index: number) => ID_BASE.order + index;
export const lineItemId = (order: number, line: number) => order * ORDER_ID_STRIDE + line;
export const refundId = (order: number, refund: number) => order * ORDER_ID_STRIDE + REFUND_SLOT + refund;
export const refundLineId = (order: number, n: number) => order * ORDER_ID_STRIDE + REFUND_LINE_SLOT + n;
export const customerId = (rank: number) => ID_BASE.customer + rank;
export const contractId = (rank: number) => ID_BASE.contract + rank;
export const contractLineId = (contract: number, line: number) => contract * 8 + line;

/** First id above every generated id, for records that mutations create. */
export const firstFreeId = (orderCount: number) => (ID_BASE.order + orderCount) * ORDER_ID_STRIDE;

/** Index of a record in its family, or -1 when the id is not one of `count` records based at `base`. */
export function indexOfId(id: number, base: number, count: number): number {
  const index = id - base;
  return Number.isInteger(index) && index >= 0 && index < count ? index : -1;
}
