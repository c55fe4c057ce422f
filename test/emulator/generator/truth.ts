// What the generator knows and a test can check: every customer's latent parameters, every
// contract's terms, and counts computed once over the columns (no order is materialised).
import type { Channel, ContractStatus, OrderSource } from "../store/types";
import { CATALOGUE, SELLING_PLANS, productId } from "./catalogue";
import { CHANNELS, INFLUENCERS } from "./channels";
import { CAMPAIGNS } from "./discounts";
import { ID_BASE, contractId, customerId, indexOfId } from "./ids";
import { eventsOfOrder } from "./materialize-order";
import { lifecycleOf, type CustomerSegment, segmentOf } from "./materialize-records";
import { KIND, KIND_NAMES, SOURCE, SOURCES, kindOf, presentmentOf, sourceOf } from "./order-flags";
import { PROCESS } from "./process";
import type { ShopContext } from "./shop-context";

const DAY_MS = 86_400_000;

export interface CustomerTruth {
  id: number;
  channel: Channel;
  segment: CustomerSegment;
  influencerCode: string | null;
  /** Latent one-time purchase rate per year (channel and first-product factors applied). */
  purchaseRatePerYear: number;
  /** Latent probability of dropping out after each purchase. */
  dropoutProbability: number;
  /** Latent mean order value, shop-currency minor units. */
  meanOrderValue: number;
  firstProductId: number;
  firstProductHandle: string;
  subscriber: boolean;
  contractId: number | null;
  presentmentCurrency: string;
  /** All their orders in the window, subscription renewals included. */
  orderCount: number;
  firstOrderAt: number;
}

export interface ContractTruth {
  id: number;
  churnProbability: number;
  maxDeliveries: number;
  renewalCount: number;
  status: ContractStatus;
}

type Counts<K extends string> = Record<K, number>;

export interface ShopAggregates {
  orders: number;
  customers: number;
  contracts: number;
  ordersByKind: Counts<(typeof KIND_NAMES)[number]>;
  ordersBySource: Counts<OrderSource>;
  webOrders: number;
  /** Web orders presented in a currency other than the shop's. */
  crossBorderWebOrders: number;
  cancelledOrders: number;
  voidedOrders: number;
  /** Orders with at least one refund that is not a cancellation. */
  refundedOrders: number;
  /** Of those, the first refund came 30 days or more after payment. */
  lateRefundedOrders: number;
  pendingOrders: number;
  customersByChannel: Counts<Channel>;
  /** Customers with two or more orders (renewals count). */
  repeatCustomersByChannel: Counts<Channel>;
  repeatRateByChannel: Counts<Channel>;
  subscribers: number;
  contractsByStatus: Counts<ContractStatus>;
}

const zeroCounts = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Counts<K>;
const CHANNEL_NAMES = CHANNELS.map((c) => c.channel);

export function computeAggregates(context: ShopContext): ShopAggregates {
  const { orders, customers, contracts } = context.columns;
  const a: ShopAggregates = {
    orders: orders.count, customers: customers.count, contracts: contracts.count,
    ordersByKind: zeroCounts(KIND_NAMES), ordersBySource: zeroCounts(SOURCES),
    webOrders: 0, crossBorderWebOrders: 0, cancelledOrders: 0, voidedOrders: 0, refundedOrders: 0, lateRefundedOrders: 0, pendingOrders: 0,
    customersByChannel: zeroCounts(CHANNEL_NAMES), repeatCustomersByChannel: zeroCounts(CHANNEL_NAMES), repeatRateByChannel: zeroCounts(CHANNEL_NAMES),
    subscribers: 0, contractsByStatus: zeroCounts<ContractStatus>(["ACTIVE", "PAUSED", "CANCELLED", "EXPIRED", "FAILED"]),
  };
  for (let row = 0; row < orders.count; row++) {
    const flags = orders.flags[row];
    a.ordersByKind[KIND_NAMES[kindOf(flags)]]++;
    a.ordersBySource[SOURCES[sourceOf(flags)]]++;
    if (sourceOf(flags) === SOURCE.web && kindOf(flags) !== KIND.test) {
      a.webOrders++;
      if (presentmentOf(flags) > 0) a.crossBorderWebOrders++;
    }
    const events = eventsOfOrder(context, row);
    if (events.cancelledAt !== null) {
      a.cancelledOrders++;
      if (events.voided) a.voidedOrders++;
    } else if (events.paidAt === null) a.pendingOrders++;
    if (events.refundsAt.length > 0) {
      a.refundedOrders++;
      if (events.refundsAt[0] - (events.paidAt ?? 0) >= 30 * DAY_MS) a.lateRefundedOrders++;
    }
  }
  for (let row = 0; row < customers.count; row++) {
    const channel = CHANNEL_NAMES[customers.channel[row]];
    a.customersByChannel[channel]++;
    if (customers.orderCount[row] >= 2) a.repeatCustomersByChannel[channel]++;
    if (customers.contract[row] >= 0) a.subscribers++;
  }
  for (const channel of CHANNEL_NAMES) a.repeatRateByChannel[channel] = a.repeatCustomersByChannel[channel] / Math.max(1, a.customersByChannel[channel]);
  for (let row = 0; row < contracts.count; row++) a.contractsByStatus[lifecycleOf(context, row).status]++;
  return a;
}

export class ShopTruth {
  /** The generating process's parameters, for tests to check against rather than repeat. */
  readonly parameters = { process: PROCESS, channels: CHANNELS, catalogue: CATALOGUE, influencers: INFLUENCERS, campaigns: CAMPAIGNS, sellingPlans: SELLING_PLANS };

  constructor(
    private readonly context: ShopContext,
    /** The window [start, end): every generated event lies inside it; use `end` as the emulator's "now". */
    readonly window: { start: number; end: number },
    readonly aggregates: ShopAggregates,
  ) {}

  customer(id: number): CustomerTruth | undefined {
    const { customers } = this.context.columns;
    const row = indexOfId(id, ID_BASE.customer, customers.count);
    if (row < 0) return undefined;
    const contract = customers.contract[row];
    const influencer = customers.influencer[row];
    const product = customers.firstProduct[row];
    return {
      id: customerId(row),
      channel: CHANNEL_NAMES[customers.channel[row]],
      segment: segmentOf(this.context, row),
      influencerCode: influencer >= 0 ? INFLUENCERS[influencer].code : null,
      purchaseRatePerYear: customers.ratePerYear[row],
      dropoutProbability: customers.dropout[row],
      meanOrderValue: this.context.pricing.fromJpy(customers.meanSpendJpy[row]),
      firstProductId: productId(product),
      firstProductHandle: CATALOGUE[product].handle,
      subscriber: contract >= 0,
      contractId: contract >= 0 ? contractId(contract) : null,
      presentmentCurrency: this.context.pricing.presentmentCurrencies[customers.crossBorder[row]],
      orderCount: customers.orderCount[row],
      firstOrderAt: customers.firstOrderAt[row],
    };
  }

  contract(id: number): ContractTruth | undefined {
    const row = indexOfId(id, ID_BASE.contract, this.context.columns.contracts.count);
    if (row < 0) return undefined;
    const life = lifecycleOf(this.context, row);
    return { id, churnProbability: life.churnProbability, maxDeliveries: life.maxDeliveries, renewalCount: life.renewals.length, status: life.status };
  }
}
