// Builds one EmOrder from its row: the columns say who, when, what kind and which currency; the
// order's seed re-draws its basket, discount code and journey; its events stream re-draws payment,
// fulfilment, cancellation and refunds. Nothing here depends on any other order.
import type { EmLineItem, EmOrder } from "../store/types";
import { type BasketLine, drawBasket, spendTargetJpy } from "./basket";
import { CATALOGUE, SELLING_PLANS, productId, variantId } from "./catalogue";
import { CHANNELS } from "./channels";
import { contractTerms } from "./contract-process";
import { chooseDiscount } from "./discounts";
import { contractId, customerId, lineItemId, orderId } from "./ids";
import { drawJourney } from "./journey";
import { presentmentRate } from "./money";
import { closedAtOf, lastEventAt, orderEvents } from "./order-events";
import { KIND, SOURCE, SOURCES, kindOf, presentmentOf, sourceOf } from "./order-flags";
import { allocateDiscount, buildRefunds, financialStatusOf, shippingFor, taxFor } from "./order-money";
import { PROCESS } from "./process";
import { Rng } from "./random";
import type { ShopContext } from "./shop-context";

/** Returning customers buy their first product again this often (else a product their channel sells). */
const FAVOURITE_SHARE = 0.55;

const TAGS: Partial<Record<number, string[]>> = {
  [KIND.subscriptionOrigin]: ["Subscription First Order"],
  [KIND.renewal]: ["Subscription Recurring Order"],
};

export function eventsOfOrder(context: ShopContext, row: number) {
  const { orders } = context.columns;
  const flags = orders.flags[row];
  return orderEvents(orders.seed[row], orders.processedAt[row], kindOf(flags), sourceOf(flags), presentmentOf(flags) > 0, context.timing.calendar.windowEnd);
}

export function orderUpdatedAtOf(context: ShopContext, row: number): number {
  return lastEventAt(context.columns.orders.processedAt[row], eventsOfOrder(context, row));
}

function basketOf(context: ShopContext, rng: Rng, row: number): { basket: BasketLine[]; planIndex: number } {
  const { orders, customers, contracts } = context.columns;
  const kind = kindOf(orders.flags[row]);
  const customer = orders.customer[row];
  if (kind === KIND.test) return { basket: [{ product: context.popularProducts.pick(rng), quantity: 1, subscription: false }], planIndex: -1 };
  if (kind === KIND.guest) {
    const { customerShape, meanOrderValueJpy } = PROCESS.spend;
    const hero = { product: context.popularProducts.pick(rng), quantity: 1, subscription: false };
    const target = spendTargetJpy(rng, rng.gamma(customerShape, meanOrderValueJpy / customerShape));
    return { basket: drawBasket(rng, hero, target, context.popularProducts), planIndex: -1 };
  }
  const favourite = customers.firstProduct[customer];
  const contract = orders.contract[row];
  const terms = contract >= 0 ? contractTerms(contracts.seed[contract]) : null;
  if (kind === KIND.renewal && terms) return { basket: [{ product: favourite, quantity: terms.quantity, subscription: true }], planIndex: terms.planIndex };
  let hero: BasketLine;
  if (terms) hero = { product: favourite, quantity: terms.quantity, subscription: true };
  else if (orders.customerOrderIndex[row] === 1 || rng.chance(FAVOURITE_SHARE)) hero = { product: favourite, quantity: 1, subscription: false };
  else hero = { product: context.customerModel.firstProduct[customers.channel[customer]].pick(rng), quantity: 1, subscription: false };
  const basket = drawBasket(rng, hero, spendTargetJpy(rng, customers.meanSpendJpy[customer]), context.popularProducts);
  return { basket, planIndex: terms?.planIndex ?? -1 };
}

function lineItemsOf(context: ShopContext, id: number, basket: BasketLine[], planIndex: number, contract: number): EmLineItem[] {
  const { pricing } = context;
  return basket.map((line, k) => {
    const product = CATALOGUE[line.product];
    return {
      id: lineItemId(id, k),
      productId: productId(line.product),
      variantId: variantId(line.product),
      title: product.title,
      sku: product.sku,
      quantity: line.quantity,
      currentQuantity: line.quantity,
      unitPrice: line.subscription ? pricing.subscriptionPrice[line.product] : pricing.unitPrice[line.product],
      discount: 0,
      sellingPlan: line.subscription ? { ...SELLING_PLANS[planIndex] } : null,
      contractId: line.subscription ? contractId(contract) : null,
    };
  });
}

export function materializeOrderRow(context: ShopContext, row: number): EmOrder {
  const { orders, customers } = context.columns;
  const { calendar } = context.timing;
  const flags = orders.flags[row];
  const kind = kindOf(flags);
  const source = sourceOf(flags);
  const presentment = presentmentOf(flags);
  const processedAt = orders.processedAt[row];
  const customer = orders.customer[row];
  const id = orderId(row);
  const day = calendar.dayOf(processedAt);
  const rng = new Rng(orders.seed[row]);

  const { basket, planIndex } = basketOf(context, rng, row);
  const lineItems = lineItemsOf(context, id, basket, planIndex, orders.contract[row]);
  const channel = customer >= 0 ? CHANNELS[customers.channel[customer]].channel : null;
  const influencer = customer >= 0 ? customers.influencer[customer] : -1;
  const discountable = source === SOURCE.web && (kind === KIND.oneTime || kind === KIND.subscriptionOrigin || kind === KIND.guest);
  const choice = discountable
    ? chooseDiscount(rng, { isFirstOrder: orders.customerOrderIndex[row] === 1, channel, influencer, year: calendar.year[day], month: calendar.month[day], dayOfMonth: calendar.dayOfMonth[day] })
    : null;
  const discountCodes = choice && allocateDiscount(lineItems, choice, context.pricing) ? [choice.code] : [];
  const shippingPrice = shippingFor(lineItems, source === SOURCE.web || source === SOURCE.draft, context.pricing);
  const taxExempt = presentment > 0; // exports are exempt from consumption tax
  const month = `${calendar.year[day]}-${String(calendar.month[day] + 1).padStart(2, "0")}`;
  const journey = source === SOURCE.web && kind !== KIND.test
    ? drawJourney(rng, { channel, influencer, productHandle: CATALOGUE[basket[0].product].handle, month, customerOrderIndex: orders.customerOrderIndex[row] })
    : null;

  const events = eventsOfOrder(context, row);
  const presentmentCurrencyCode = context.pricing.presentmentCurrencies[presentment];
  const order: EmOrder = {
    id,
    name: `#${1001 + row}`,
    createdAt: processedAt,
    processedAt,
    updatedAt: lastEventAt(processedAt, events),
    cancelledAt: events.cancelledAt,
    cancelReason: events.cancelReason,
    closedAt: closedAtOf(events),
    test: kind === KIND.test,
    sourceName: SOURCES[source],
    customerId: customer >= 0 ? customerId(customer) : null,
    discountCodes,
    tags: [...(TAGS[kind] ?? [])],
    currencyCode: context.pricing.currency,
    presentmentCurrencyCode,
    presentmentRate: presentmentRate(context.pricing.currency, presentmentCurrencyCode, calendar.epochDay(day)),
    shippingPrice,
    taxTotal: taxFor(lineItems, shippingPrice, taxExempt),
    lineItems,
    refunds: [],
    journey,
    financialStatus: "PAID",
    fulfillmentStatus: events.fulfilledAt !== null ? "FULFILLED" : "UNFULFILLED",
  };
  order.refunds = buildRefunds(order, events, taxExempt);
  order.financialStatus = financialStatusOf(order, events);
  return order;
}
