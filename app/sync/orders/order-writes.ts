// Order writes beyond a plain upsert.
import { placeholderList, type Statement, type StatementMaker } from "../write/statement-makers";

/** Flags orders that have a line sold on a selling plan (a subscription first order or renewal). */
export function markSubscriptionOrders(writer: StatementMaker, shop: string, orderIds: string[]): Statement[] {
  if (orderIds.length === 0) return [];
  return [
    writer.raw(
      `UPDATE "Order" SET "hasSubscriptionLine" = ${writer.param(1)} WHERE "shop" = ${writer.param(2)} AND "id" IN (${placeholderList(writer, orderIds.length, 2)})`,
      true, shop, ...orderIds,
    ),
  ];
}
