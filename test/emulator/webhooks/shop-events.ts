// The bridge from the store's mutations (called by the GraphQL side) to webhook deliveries: each event
// names a record; its REST payload is built right away, so a later change never alters what was sent.
import type { EmOrder, ShopStore } from "../store/types";
import type { WebhookDispatcher } from "./dispatcher";
import { orderPayload, refundPayload, subscriptionContractPayload } from "./payloads";

export interface ShopEvent {
  topic: string;
  kind: "order" | "refund" | "subscription_contract";
  id: number;
  /** The refund's order, when the caller knows it (saves a search). */
  orderId?: number;
}

export type ShopEventSink = (event: ShopEvent) => void;

export function webhookEventSink(dispatcher: WebhookDispatcher, store: ShopStore): ShopEventSink {
  return (event) => {
    const payload = eventPayload(store, event);
    if (!payload) throw new Error(`Webhook event ${event.topic}: no ${event.kind} ${event.id} in ${store.shop.domain}`);
    dispatcher.publish(store.shop, event.topic, payload);
  };
}

function eventPayload(store: ShopStore, event: ShopEvent): Record<string, unknown> | undefined {
  switch (event.kind) {
    case "order": {
      const order = store.getOrder(event.id);
      return order && orderPayload(store.shop, order);
    }
    case "refund": {
      const order = event.orderId !== undefined ? store.getOrder(event.orderId) : orderWithRefund(store, event.id);
      const refund = order?.refunds.find((r) => r.id === event.id);
      return order && refund && refundPayload(store.shop, order, refund);
    }
    case "subscription_contract": {
      const contract = store.getContract(event.id);
      return contract && subscriptionContractPayload(store.shop, contract);
    }
  }
}

/**
 * The order holding a refund. A refund is created by a mutation that also bumps its order's updatedAt, so
 * orders are tried newest change first, reading only the cheap updatedAt column until a match.
 */
function orderWithRefund(store: ShopStore, refundId: number): EmOrder | undefined {
  const ids = Array.from(store.orderIds());
  const updatedAt = new Map(ids.map((id) => [id, store.orderUpdatedAt(id) ?? 0]));
  ids.sort((a, b) => updatedAt.get(b)! - updatedAt.get(a)!);
  for (const id of ids) {
    const order = store.getOrder(id);
    if (order?.refunds.some((refund) => refund.id === refundId)) return order;
  }
  return undefined;
}
