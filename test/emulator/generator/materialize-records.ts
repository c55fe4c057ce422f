// Customers and subscription contracts from their rows. A contract's status and history are
// re-simulated from its seed — the same simulation that placed its renewal orders.
import type { EmContract, EmCustomer } from "../store/types";
import { CATALOGUE, SELLING_PLANS, productId, variantId } from "./catalogue";
import { CHANNELS } from "./channels";
import { simulateContract } from "./contract-process";
import { contractId, contractLineId, customerId, orderId } from "./ids";
import type { ShopContext } from "./shop-context";

export type CustomerSegment = "subscriber" | "repeat" | "one-time";

export function segmentOf(context: ShopContext, row: number): CustomerSegment {
  const { customers } = context.columns;
  if (customers.contract[row] >= 0) return "subscriber";
  return customers.orderCount[row] >= 2 ? "repeat" : "one-time";
}

export function materializeCustomerRow(context: ShopContext, row: number): EmCustomer {
  const { customers } = context.columns;
  return {
    id: customerId(row),
    createdAt: customers.firstOrderAt[row],
    updatedAt: customers.updatedAt[row],
    truth: { channel: CHANNELS[customers.channel[row]].channel, segment: segmentOf(context, row) },
  };
}

export function lifecycleOf(context: ShopContext, row: number) {
  const { contracts } = context.columns;
  return simulateContract(contracts.seed[row], contracts.createdAt[row], context.timing);
}

export function materializeContractRow(context: ShopContext, row: number): EmContract {
  const { contracts, customers } = context.columns;
  const life = lifecycleOf(context, row);
  const customer = contracts.customer[row];
  const product = customers.firstProduct[customer];
  const plan = SELLING_PLANS[life.planIndex];
  const id = contractId(row);
  return {
    id,
    customerId: customerId(customer),
    originOrderId: orderId(contracts.originOrder[row]),
    status: life.status,
    billingInterval: plan.intervalUnit,
    billingIntervalCount: plan.intervalCount,
    deliveryInterval: plan.intervalUnit,
    deliveryIntervalCount: plan.intervalCount,
    nextBillingDate: life.nextBillingDate,
    lastPaymentStatus: life.lastPaymentStatus,
    currencyCode: context.pricing.currency,
    createdAt: contracts.createdAt[row],
    updatedAt: life.updatedAt,
    lines: [{
      id: contractLineId(id, 0),
      productId: productId(product),
      variantId: variantId(product),
      title: CATALOGUE[product].title,
      quantity: life.quantity,
      currentPrice: context.pricing.subscriptionPrice[product],
      sellingPlanId: plan.id,
      sellingPlanName: plan.name,
    }],
    history: life.history,
  };
}
