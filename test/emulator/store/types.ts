// The emulated shop's data, as the generator produces it and the emulator serves it.
//
// Plain records in Shopify's terms (numeric ids; the emulator turns them into GIDs). Money is integer
// minor units of the shop currency; presentment money is derived with the order's exchange rate.
// Times are epoch milliseconds (UTC). The store materialises orders one at a time from compact
// columns, so a 1,000,000-order shop never sits in memory as objects.

export type PlanTier = "standard" | "advanced" | "plus" | "enterprise";

export interface EmShop {
  id: number;
  domain: string; // "tsuzuku-demo.myshopify.com"
  name: string;
  currencyCode: string; // ISO 4217, e.g. JPY
  ianaTimezone: string; // e.g. Asia/Tokyo
  planTier: PlanTier;
  planDisplayName: string;
  createdAt: number;
}

export type Channel =
  | "instagram" | "x" | "facebook" | "line" | "tiktok" | "youtube" | "influencer" | "search" | "direct";

export interface EmCustomer {
  id: number;
  createdAt: number;
  updatedAt: number;
  /** Ground truth of the generator, not exposed through GraphQL. */
  truth: { channel: Channel; segment: string };
}

export interface EmSellingPlan {
  id: number;
  name: string; // "毎月お届け" / "Delivered every month"
  intervalUnit: "MONTH" | "WEEK" | "DAY" | "YEAR";
  intervalCount: number;
}

export interface EmLineItem {
  id: number;
  productId: number;
  variantId: number;
  title: string;
  sku: string;
  quantity: number;
  /** Quantity after removals and refunds. */
  currentQuantity: number;
  unitPrice: number; // minor units, shop currency
  discount: number; // total discount allocated to the line, minor units
  sellingPlan: EmSellingPlan | null;
  contractId: number | null;
}

export interface EmRefundLine {
  id: number;
  lineItemId: number;
  quantity: number;
  subtotal: number; // minor units
}

export interface EmRefund {
  id: number;
  createdAt: number;
  note: string | null;
  lines: EmRefundLine[];
  total: number; // minor units, shop currency
}

export interface EmJourney {
  customerOrderIndex: number; // 1 = the customer's first order (test orders not counted)
  daysToConversion: number;
  firstVisit: {
    source: string; // "instagram", "google", "direct"…
    sourceType: string | null; // a MarketingTactic: "AD" | "POST" | "AFFILIATE" | "SEO" | "MESSAGE" | "NEWSLETTER" | …; null for direct
    referrerUrl: string | null;
    landingPage: string | null;
    utm: { source: string | null; medium: string | null; campaign: string | null; content: string | null; term: string | null } | null;
  } | null;
}

export type OrderSource = "web" | "pos" | "shopify_draft_order" | "subscription_contract";

export interface EmOrder {
  id: number;
  name: string; // "#1001"
  createdAt: number;
  processedAt: number;
  updatedAt: number;
  cancelledAt: number | null;
  cancelReason: "CUSTOMER" | "FRAUD" | "INVENTORY" | "DECLINED" | "OTHER" | "STAFF" | null;
  closedAt: number | null;
  test: boolean;
  sourceName: OrderSource;
  customerId: number | null; // null for guest orders
  discountCodes: string[];
  tags: string[];
  currencyCode: string; // shop currency
  presentmentCurrencyCode: string;
  /** Shop-currency minor units per presentment minor unit are derived from this: presentment = round(shop * rate * 10^(dp-dp)). */
  presentmentRate: number;
  shippingPrice: number; // minor units
  taxTotal: number; // minor units (tax included or added — added here)
  lineItems: EmLineItem[];
  refunds: EmRefund[];
  journey: EmJourney | null;
  financialStatus: "PAID" | "PARTIALLY_REFUNDED" | "REFUNDED" | "VOIDED" | "PENDING";
  fulfillmentStatus: "FULFILLED" | "UNFULFILLED";
}

export type ContractStatus = "ACTIVE" | "PAUSED" | "CANCELLED" | "EXPIRED" | "FAILED";

export interface EmContractLine {
  id: number;
  productId: number;
  variantId: number;
  title: string;
  quantity: number;
  currentPrice: number; // per unit, minor units
  sellingPlanId: number;
  sellingPlanName: string;
}

export interface EmContract {
  id: number;
  customerId: number;
  originOrderId: number;
  status: ContractStatus;
  billingInterval: "DAY" | "WEEK" | "MONTH" | "YEAR";
  billingIntervalCount: number;
  deliveryInterval: "DAY" | "WEEK" | "MONTH" | "YEAR";
  deliveryIntervalCount: number;
  nextBillingDate: number | null;
  lastPaymentStatus: "SUCCEEDED" | "FAILED" | null;
  currencyCode: string;
  createdAt: number;
  updatedAt: number;
  lines: EmContractLine[];
  /** Status changes in time order, first entry is the creation as ACTIVE. */
  history: { status: ContractStatus; at: number }[];
}

/** Derived totals of an order, in shop-currency minor units (the one place these sums are defined). */
export interface EmOrderTotals {
  subtotal: number; // sum(unitPrice * quantity) - line discounts
  totalDiscounts: number;
  totalShipping: number;
  totalTax: number;
  totalPrice: number; // subtotal + shipping + tax
  totalRefunded: number;
  currentTotalPrice: number; // totalPrice - refunds; 0 once cancelled (its items are removed)
}

/**
 * What the emulator needs of a shop. Ids are ascending in creation order; `updatedAt` changes with
 * every mutation. Iterators materialise one record at a time.
 */
export interface ShopStore {
  readonly shop: EmShop;
  orderCount(): number;
  getOrder(id: number): EmOrder | undefined;
  /** All orders in ascending id order. */
  orders(): Iterable<EmOrder>;
  /** Order ids in ascending id order (cheap: no materialisation). */
  orderIds(): ArrayLike<number>;
  /** updatedAt of an order without materialising it. */
  orderUpdatedAt(id: number): number | undefined;
  customerCount(): number;
  getCustomer(id: number): EmCustomer | undefined;
  customers(): Iterable<EmCustomer>;
  contractCount(): number;
  getContract(id: number): EmContract | undefined;
  contracts(): Iterable<EmContract>;
  sellingPlans(): EmSellingPlan[];

  // Mutations (each bumps updatedAt to `now` and returns the new record).
  createOrder(input: Omit<EmOrder, "id" | "name" | "updatedAt" | "refunds"> & { refunds?: EmRefund[] }, now: number): EmOrder;
  updateOrder(id: number, patch: Partial<Pick<EmOrder, "tags" | "test">>, now: number): EmOrder;
  /** Moves the order to another customer, or makes it a guest order (`null`). */
  setOrderCustomer(id: number, customerId: number | null, now: number): EmOrder;
  cancelOrder(id: number, reason: NonNullable<EmOrder["cancelReason"]>, now: number): EmOrder;
  refundOrder(id: number, lines: { lineItemId: number; quantity: number }[], now: number, note?: string | null): { order: EmOrder; refund: EmRefund };
  setContractStatus(id: number, status: ContractStatus, now: number): EmContract;

  // Optional read helpers (additive): cheap id lists and a change counter that lets readers cache
  // sorted indexes. A store without `version` is treated as changing on every read.
  /** Bumped by every mutation. */
  readonly version?: number;
  customerIds?(): ArrayLike<number>;
  contractIds?(): ArrayLike<number>;
  orderCreatedAt?(id: number): number | undefined;
  orderProcessedAt?(id: number): number | undefined;
}
