// What each backfilled resource makes of its bulk file's lines (line-import.ts), on the line thread
// (line-thread.ts): orders (refunds inline, line items as children) and subscription contracts (lines
// as children), mapped to rows and made into a batch's statements.
import { CONTRACT_LINE_TABLE, CONTRACT_TABLE, mapContract, mapContractLine, observedStatusChanges, STATUS_CHANGE_TABLE } from "../contracts/contract-rows";
import { mapLineItem, mapOrder, type MappedOrder, ORDER_LINE_TABLE, ORDER_TABLE, type OrderLineRow, REFUND_TABLE, UNVERSIONED } from "../orders/order-rows";
import { markSubscriptionOrders } from "../orders/order-writes";
import type { StatementMaker } from "../write/statement-makers";
import { NodeReader } from "../node-reader";
import { GidIndex, GidSet } from "./gid-set";
import { type BulkLine, type LineImport, lineImport } from "./line-import";

/** The resources the backfill imports. */
export type BackfillResource = "orders" | "subscriptionContracts";

const parentOf = (entry: BulkLine) => String(entry.json.__parentId);
const where = (entry: BulkLine) => `bulk result line ${entry.line + 1}`;

/** The classes the mappers make and drop for each line (LineImport.shapes): readers, and an order's referrer URL. */
const mapperShapes = () => [NodeReader.of({}, "shape"), new URL("https://example.com/")];

export function resourceLines(resource: BackfillResource, shop: string, syncedAt: Date, writer: StatementMaker): LineImport {
  return resource === "orders" ? orderLines(shop, syncedAt, writer) : contractLines(shop, syncedAt, writer);
}

function orderLines(shop: string, syncedAt: Date, writer: StatementMaker): LineImport {
  // The subscription flag is written with the order instead of by an UPDATE after its lines
  // (measured on PostgreSQL, 100,000 orders: those UPDATEs took 3 s, as long as inserting every
  // order). A batch is written once the chunk holding it has been scanned, and an order's lines
  // follow it in the file, so its selling-plan lines have been mapped by then (`pending`). A line
  // mapped after its order was written without the flag (or by a resumed run, which knows nothing of
  // what was written before) flags it by an UPDATE in the line's batch.
  const pending = new GidSet("Order");
  const flagged = new GidSet("Order");
  // The orders this run wrote; the orders its lines name, unless a line's order is the order the file
  // held just before it (the usual case, which needs no lookup).
  const written = new GidIndex("Order");
  const named = new GidIndex("Order");
  let lastOrder: string | null = null;
  const mapLine = (entry: BulkLine): OrderLineRow => {
    const row = mapLineItem(shop, parentOf(entry), UNVERSIONED, entry.json, where(entry));
    if (row.sellingPlanId !== null) pending.add(row.orderId);
    return row;
  };
  return lineImport<MappedOrder, OrderLineRow>({
    root(entry) {
      const mapped = mapOrder(shop, entry.json, syncedAt, where(entry));
      lastOrder = mapped.order.id;
      return mapped;
    },
    child(entry) {
      const row = mapLine(entry);
      if (row.orderId !== lastOrder) named.add(row.orderId);
      return row;
    },
    skippedChild: (entry) => void mapLine(entry),
    write(mapped, lines) {
      const orders = mapped.map(({ order }) => {
        written.add(order.id);
        order.hasSubscriptionLine = pending.delete(order.id);
        if (order.hasSubscriptionLine) flagged.add(order.id);
        return order;
      });
      // Orders not flagged when written (see above) are flagged here, so the flag stays exact; an
      // order still to come is flagged when it is written (its id stays pending).
      const missed = new Set<string>();
      for (const row of lines) {
        if (row.sellingPlanId === null || flagged.has(row.orderId)) continue;
        missed.add(row.orderId);
        flagged.add(row.orderId);
      }
      return [
        ...writer.upsert(ORDER_TABLE, orders),
        ...writer.upsert(REFUND_TABLE, mapped.flatMap((m) => m.refunds)),
        ...writer.upsert(ORDER_LINE_TABLE, lines),
        ...markSubscriptionOrders(writer, shop, [...missed]),
      ];
    },
    // Once per backfill instead of a foreign-key lookup per line (see OrderLine in the schema).
    parentsWritten: () => written.containsAll(named),
    shapes: mapperShapes(),
  });
}

function contractLines(shop: string, syncedAt: Date, writer: StatementMaker): LineImport {
  return lineImport({
    root: (entry) => mapContract(shop, entry.json, syncedAt, where(entry)),
    child: (entry) => mapContractLine(shop, parentOf(entry), entry.json, where(entry)),
    write: (contracts, lines) => [
      ...writer.upsert(CONTRACT_TABLE, contracts),
      ...writer.upsert(STATUS_CHANGE_TABLE, contracts.flatMap((contract) => observedStatusChanges(contract, "backfill"))),
      ...writer.upsert(CONTRACT_LINE_TABLE, lines),
    ],
    shapes: mapperShapes(),
  });
}
