import { describe, expect, it } from "vitest";
import type { ContractStatus, EmOrder } from "../store/types";
import { realisticContracts, realisticOrders, realisticShop } from "./test-shops";

const shop = realisticShop();
const orders = realisticOrders();
const contracts = realisticContracts();
const { end } = shop.truth.window;
const orderById = new Map(orders.map((o) => [o.id, o]));
const renewalsByContract = new Map<number, EmOrder[]>();
for (const order of orders) {
  if (order.sourceName !== "subscription_contract") continue;
  const id = order.lineItems[0].contractId!;
  renewalsByContract.set(id, [...(renewalsByContract.get(id) ?? []), order]);
}

const NEXT: Record<ContractStatus, ContractStatus[]> = {
  ACTIVE: ["PAUSED", "CANCELLED", "FAILED", "EXPIRED"],
  PAUSED: ["ACTIVE", "CANCELLED"],
  CANCELLED: [],
  FAILED: [],
  EXPIRED: [],
};

describe("generated subscriptions", () => {
  it("has two selling plans: monthly and every two months", () => {
    expect(shop.sellingPlans().map((p) => [p.intervalUnit, p.intervalCount])).toEqual([["MONTH", 1], ["MONTH", 2]]);
  });

  it("starts every contract with an origin order carrying its selling plan", () => {
    for (const contract of contracts) {
      const origin = orderById.get(contract.originOrderId)!;
      expect(origin.customerId).toBe(contract.customerId);
      expect(origin.processedAt).toBe(contract.createdAt);
      expect(origin.sourceName).toBe("web");
      const line = origin.lineItems.find((l) => l.contractId === contract.id)!;
      expect(line.sellingPlan?.id).toBe(contract.lines[0].sellingPlanId);
      expect(line.unitPrice).toBe(contract.lines[0].currentPrice);
    }
  });

  it("links every renewal order to its contract, at the contract's price and interval", () => {
    const byId = new Map(contracts.map((c) => [c.id, c]));
    for (const [contractId, renewals] of renewalsByContract) {
      const contract = byId.get(contractId)!;
      expect(renewals.length).toBe(shop.truth.contract(contractId)!.renewalCount);
      let previous = contract.createdAt;
      for (const order of renewals) {
        expect(order.customerId).toBe(contract.customerId);
        expect(order.lineItems).toHaveLength(1);
        const [line] = order.lineItems;
        expect(line.sellingPlan?.id).toBe(contract.lines[0].sellingPlanId);
        expect(line.productId).toBe(contract.lines[0].productId);
        expect(line.quantity).toBe(contract.lines[0].quantity);
        expect(line.unitPrice).toBe(contract.lines[0].currentPrice);
        expect(order.discountCodes).toEqual([]);
        const gapDays = (order.processedAt - previous) / 86_400_000;
        expect(gapDays).toBeGreaterThanOrEqual(27 * contract.billingIntervalCount);
        previous = order.processedAt;
      }
    }
    const renewalCount = [...renewalsByContract.values()].reduce((n, list) => n + list.length, 0);
    expect(renewalCount).toBe(shop.truth.aggregates.ordersByKind.renewal);
  });

  it("keeps each contract's history consistent with its status", () => {
    for (const contract of contracts) {
      const { history } = contract;
      expect(history[0]).toEqual({ status: "ACTIVE", at: contract.createdAt });
      for (let i = 1; i < history.length; i++) {
        expect(NEXT[history[i - 1].status]).toContain(history[i].status);
        expect(history[i].at).toBeGreaterThanOrEqual(history[i - 1].at);
      }
      const last = history[history.length - 1];
      expect(last.status).toBe(contract.status);
      expect(last.at).toBeLessThan(end);
      expect(contract.updatedAt).toBeGreaterThanOrEqual(last.at);
      if (contract.status === "ACTIVE") expect(contract.nextBillingDate).toBeGreaterThanOrEqual(end);
      else expect(contract.nextBillingDate).toBeNull();
      if (contract.status === "FAILED") expect(contract.lastPaymentStatus).toBe("FAILED");
      if (contract.status === "EXPIRED") expect((renewalsByContract.get(contract.id)?.length ?? 0) + 1).toBe(shop.truth.contract(contract.id)!.maxDeliveries);
      // No renewal while paused or after the contract ended.
      for (const order of renewalsByContract.get(contract.id) ?? []) {
        const statusAtOrder = history.filter((h) => h.at < order.processedAt).at(-1)!.status;
        expect(statusAtOrder).toBe("ACTIVE");
      }
    }
  });

  it("ends contracts in every status, most of them by cancellation", () => {
    const byStatus = shop.truth.aggregates.contractsByStatus;
    for (const status of Object.keys(NEXT) as ContractStatus[]) expect(byStatus[status]).toBeGreaterThan(0);
    expect(byStatus.CANCELLED).toBeGreaterThan(byStatus.ACTIVE * 0.8);
    expect(Object.values(byStatus).reduce((a, b) => a + b, 0)).toBe(contracts.length);
  });
});
