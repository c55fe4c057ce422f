// Reconciliation: every order changed at or after a watermark, oldest change first, a page at a time.
import { LINE_ITEM_FIELDS, ORDER_SCALAR_FIELDS } from "./OrderFields";

export const ORDERS_UPDATED_SINCE = `#graphql
  query OrdersUpdatedSince($query: String!, $after: String) {
    orders(first: 50, after: $after, query: $query, sortKey: UPDATED_AT) {
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          ${ORDER_SCALAR_FIELDS}
          lineItems(first: 50) { pageInfo { hasNextPage endCursor } edges { node { ${LINE_ITEM_FIELDS} } } }
        }
      }
    }
  }
`;
