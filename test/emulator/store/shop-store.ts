// The mutable shop the emulator serves: an immutable source plus an overlay of changed and created
// records. Reads of untouched records go straight to the source, so a generated 1,000,000-order shop
// stays in its columns; only what mutations touch is held as objects.
import type { ShopSource } from "./source";
import type {
  ContractStatus, EmContract, EmCustomer, EmOrder, EmOrderTotals, EmRefund, EmSellingPlan, EmShop, ShopStore,
} from "./types";

export function orderTotals(order: EmOrder): EmOrderTotals {
  let gross = 0;
  let totalDiscounts = 0;
  for (const line of order.lineItems) {
    gross += line.unitPrice * line.quantity;
    totalDiscounts += line.discount;
  }
  const subtotal = gross - totalDiscounts;
  const totalPrice = subtotal + order.shippingPrice + order.taxTotal;
  const totalRefunded = order.refunds.reduce((sum, refund) => sum + refund.total, 0);
  return {
    subtotal,
    totalDiscounts,
    totalShipping: order.shippingPrice,
    totalTax: order.taxTotal,
    totalPrice,
    totalRefunded,
    // A cancelled order's items are removed (Shopify zeroes their current quantities), so nothing is owed.
    currentTotalPrice: order.cancelledAt !== null ? 0 : Math.max(0, totalPrice - totalRefunded),
  };
}

/** Net price of `quantity` units of a line (its discount spread evenly), in minor units. */
export function lineNetAmount(line: EmOrder["lineItems"][number], quantity: number): number {
  return Math.round(((line.unitPrice * line.quantity - line.discount) * quantity) / line.quantity);
}

export class MutableShopStore implements ShopStore {
  private readonly orderOverlay = new Map<number, EmOrder>();
  private readonly createdOrderIds: number[] = [];
  private readonly contractOverlay = new Map<number, EmContract>();
  private nextFreeId: number;
  private changeCount = 0;

  constructor(private readonly source: ShopSource) {
    this.nextFreeId = source.nextId();
  }

  get shop(): EmShop {
    return this.source.shop;
  }

  /** Bumped by every mutation, so readers can cache sorted indexes per version. */
  get version(): number {
    return this.changeCount;
  }

  customerIds(): ArrayLike<number> {
    return this.source.customerIds();
  }

  contractIds(): ArrayLike<number> {
    return this.source.contractIds();
  }

  private allocateId(): number {
    return this.nextFreeId++;
  }

  orderCount(): number {
    return this.source.orderIds().length + this.createdOrderIds.length;
  }

  orderIds(): ArrayLike<number> {
    if (this.createdOrderIds.length === 0) return this.source.orderIds();
    const base = this.source.orderIds();
    const all = new Float64Array(base.length + this.createdOrderIds.length);
    for (let i = 0; i < base.length; i++) all[i] = base[i];
    all.set(this.createdOrderIds, base.length);
    return all;
  }

  getOrder(id: number): EmOrder | undefined {
    return structuredCloneIfPresent(this.orderOverlay.get(id)) ?? this.source.materializeOrder(id);
  }

  orderUpdatedAt(id: number): number | undefined {
    return this.orderOverlay.get(id)?.updatedAt ?? this.source.orderUpdatedAt(id);
  }

  orderCreatedAt(id: number): number | undefined {
    const changed = this.orderOverlay.get(id);
    if (changed) return changed.createdAt;
    return this.source.orderCreatedAt ? this.source.orderCreatedAt(id) : this.source.materializeOrder(id)?.createdAt;
  }

  orderProcessedAt(id: number): number | undefined {
    const changed = this.orderOverlay.get(id);
    if (changed) return changed.processedAt;
    return this.source.orderProcessedAt ? this.source.orderProcessedAt(id) : this.source.materializeOrder(id)?.processedAt;
  }

  *orders(): Iterable<EmOrder> {
    const ids = this.orderIds();
    for (let i = 0; i < ids.length; i++) {
      const order = this.getOrder(ids[i]);
      if (order) yield order;
    }
  }

  customerCount(): number {
    return this.source.customerIds().length;
  }

  getCustomer(id: number): EmCustomer | undefined {
    return this.source.materializeCustomer(id);
  }

  *customers(): Iterable<EmCustomer> {
    const ids = this.source.customerIds();
    for (let i = 0; i < ids.length; i++) {
      const customer = this.source.materializeCustomer(ids[i]);
      if (customer) yield customer;
    }
  }

  contractCount(): number {
    return this.source.contractIds().length;
  }

  getContract(id: number): EmContract | undefined {
    return structuredCloneIfPresent(this.contractOverlay.get(id)) ?? this.source.materializeContract(id);
  }

  *contracts(): Iterable<EmContract> {
    const ids = this.source.contractIds();
    for (let i = 0; i < ids.length; i++) {
      const contract = this.getContract(ids[i]);
      if (contract) yield contract;
    }
  }

  sellingPlans(): EmSellingPlan[] {
    return this.source.sellingPlans();
  }

  createOrder(input: Parameters<ShopStore["createOrder"]>[0], now: number): EmOrder {
    const id = this.allocateId();
    const order: EmOrder = {
      ...structuredClone(input),
      id,
      name: `#${1000 + this.orderCount() + 1}`,
      updatedAt: now,
      lineItems: input.lineItems.map((line) => ({ ...line, id: line.id || this.allocateId() })),
      refunds: input.refunds ?? [],
    };
    this.orderOverlay.set(id, order);
    this.createdOrderIds.push(id);
    this.changeCount++;
    return structuredClone(order);
  }

  private mutateOrder(id: number, now: number, change: (order: EmOrder) => void): EmOrder {
    const order = this.orderOverlay.get(id) ?? this.source.materializeOrder(id);
    if (!order) throw new NotFoundError(`Order ${id} does not exist`);
    change(order);
    order.updatedAt = Math.max(now, order.updatedAt + 1);
    this.orderOverlay.set(id, order);
    this.changeCount++;
    return structuredClone(order);
  }

  updateOrder(id: number, patch: Partial<Pick<EmOrder, "tags" | "test">>, now: number): EmOrder {
    return this.mutateOrder(id, now, (order) => Object.assign(order, structuredClone(patch)));
  }

  /** Moves the order to another customer, or makes it a guest order (`null`). */
  setOrderCustomer(id: number, customerId: number | null, now: number): EmOrder {
    if (customerId !== null && !this.getCustomer(customerId)) throw new NotFoundError(`Customer ${customerId} does not exist`);
    return this.mutateOrder(id, now, (order) => {
      order.customerId = customerId;
    });
  }

  cancelOrder(id: number, reason: NonNullable<EmOrder["cancelReason"]>, now: number): EmOrder {
    return this.mutateOrder(id, now, (order) => {
      if (order.cancelledAt !== null) throw new InvalidMutationError(`Order ${id} is already cancelled`);
      order.cancelledAt = now;
      order.cancelReason = reason;
      order.closedAt = now;
      for (const line of order.lineItems) line.currentQuantity = 0;
      if (order.financialStatus === "PENDING") order.financialStatus = "VOIDED";
    });
  }

  refundOrder(id: number, lines: { lineItemId: number; quantity: number }[], now: number, note: string | null = null) {
    let refund: EmRefund | undefined;
    const order = this.mutateOrder(id, now, (o) => {
      const refundLines = lines.map(({ lineItemId, quantity }) => {
        const line = o.lineItems.find((l) => l.id === lineItemId);
        if (!line) throw new InvalidMutationError(`Line item ${lineItemId} is not on order ${id}`);
        if (quantity < 1 || quantity > line.currentQuantity) {
          throw new InvalidMutationError(`Line item ${lineItemId}: can refund 1..${line.currentQuantity}, not ${quantity}`);
        }
        line.currentQuantity -= quantity;
        return { id: this.allocateId(), lineItemId, quantity, subtotal: lineNetAmount(line, quantity) };
      });
      refund = { id: this.allocateId(), createdAt: now, note, lines: refundLines, total: refundLines.reduce((s, l) => s + l.subtotal, 0) };
      o.refunds.push(refund);
      const totals = orderTotals(o);
      o.financialStatus = totals.totalRefunded >= totals.totalPrice ? "REFUNDED" : "PARTIALLY_REFUNDED";
    });
    return { order, refund: structuredClone(refund!) };
  }

  setContractStatus(id: number, status: ContractStatus, now: number): EmContract {
    const contract = this.contractOverlay.get(id) ?? this.source.materializeContract(id);
    if (!contract) throw new NotFoundError(`Subscription contract ${id} does not exist`);
    if (contract.status === status) throw new InvalidMutationError(`Subscription contract ${id} is already ${status}`);
    contract.status = status;
    contract.updatedAt = Math.max(now, contract.updatedAt + 1);
    contract.history.push({ status, at: contract.updatedAt });
    if (status !== "ACTIVE") contract.nextBillingDate = null;
    this.contractOverlay.set(id, contract);
    this.changeCount++;
    return structuredClone(contract);
  }
}

function structuredCloneIfPresent<T>(value: T | undefined): T | undefined {
  return value === undefined ? undefined : structuredClone(value);
}

export class NotFoundError extends Error {
  name = "NotFoundError";
}
export class InvalidMutationError extends Error {
  name = "InvalidMutationError";
}
