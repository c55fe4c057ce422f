// A generated shop as a ShopSource: columns at rest, records materialised on request, one at a time.
import type { ShopSource } from "../store/source";
import type { EmContract, EmCustomer, EmOrder, EmSellingPlan, EmShop } from "../store/types";
import { SELLING_PLANS } from "./catalogue";
import { ID_BASE, firstFreeId, indexOfId } from "./ids";
import { materializeOrderRow, orderUpdatedAtOf } from "./materialize-order";
import { materializeContractRow, materializeCustomerRow } from "./materialize-records";
import type { ShopContext } from "./shop-context";
import type { ShopTruth } from "./truth";

/** Ids base + 0 .. base + count - 1, built on first use (8 bytes per record). */
class IdRange {
  private ids: Float64Array | null = null;

  constructor(private readonly base: number, readonly count: number) {}

  all(): Float64Array {
    if (!this.ids) {
      this.ids = new Float64Array(this.count);
      for (let i = 0; i < this.count; i++) this.ids[i] = this.base + i;
    }
    return this.ids;
  }

  rowOf(id: number): number {
    return indexOfId(id, this.base, this.count);
  }
}

export class GeneratedShop implements ShopSource {
  private readonly orderIdRange: IdRange;
  private readonly customerIdRange: IdRange;
  private readonly contractIdRange: IdRange;

  constructor(
    readonly shop: EmShop,
    private readonly context: ShopContext,
    readonly truth: ShopTruth,
  ) {
    const { orders, customers, contracts } = context.columns;
    this.orderIdRange = new IdRange(ID_BASE.order, orders.count);
    this.customerIdRange = new IdRange(ID_BASE.customer, customers.count);
    this.contractIdRange = new IdRange(ID_BASE.contract, contracts.count);
  }

  orderCount(): number {
    return this.orderIdRange.count;
  }

  orderIds(): ArrayLike<number> {
    return this.orderIdRange.all();
  }

  materializeOrder(id: number): EmOrder | undefined {
    const row = this.orderIdRange.rowOf(id);
    return row < 0 ? undefined : materializeOrderRow(this.context, row);
  }

  orderUpdatedAt(id: number): number | undefined {
    const row = this.orderIdRange.rowOf(id);
    return row < 0 ? undefined : orderUpdatedAtOf(this.context, row);
  }

  /** Every order in id order, materialised one at a time (nothing is kept). */
  *orders(): Generator<EmOrder> {
    for (let row = 0; row < this.orderIdRange.count; row++) yield materializeOrderRow(this.context, row);
  }

  customerIds(): ArrayLike<number> {
    return this.customerIdRange.all();
  }

  materializeCustomer(id: number): EmCustomer | undefined {
    const row = this.customerIdRange.rowOf(id);
    return row < 0 ? undefined : materializeCustomerRow(this.context, row);
  }

  *customers(): Generator<EmCustomer> {
    for (let row = 0; row < this.customerIdRange.count; row++) yield materializeCustomerRow(this.context, row);
  }

  contractIds(): ArrayLike<number> {
    return this.contractIdRange.all();
  }

  materializeContract(id: number): EmContract | undefined {
    const row = this.contractIdRange.rowOf(id);
    return row < 0 ? undefined : materializeContractRow(this.context, row);
  }

  *contracts(): Generator<EmContract> {
    for (let row = 0; row < this.contractIdRange.count; row++) yield materializeContractRow(this.context, row);
  }

  sellingPlans(): EmSellingPlan[] {
    return SELLING_PLANS.map((plan) => ({ ...plan }));
  }

  nextId(): number {
    return firstFreeId(this.orderIdRange.count);
  }
}
