// Every order of the shop with its line items, as one bulk operation (JSONL: an order per line, each
// line item its own line with __parentId). Refund line items are not exported: a connection inside
// the `refunds` list is refused in bulk queries; refund totals and each line's currentQuantity carry
// what the metrics need.
import { LINE_ITEM_FIELDS, ORDER_SCALAR_FIELDS } from "./OrderFields";

export const ORDERS_BULK_EXPORT = `{
  orders {
    edges {
      node {
        ${ORDER_SCALAR_FIELDS}
        lineItems { edges { node { ${LINE_ITEM_FIELDS} } } }
      }
    }
  }
}`;
