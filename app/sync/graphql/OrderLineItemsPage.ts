// The rest of an order's line items, past the first page of OrdersByIds / OrdersUpdatedSince.
import { LINE_ITEM_FIELDS } from "./OrderFields";

export const ORDER_LINE_ITEMS_PAGE = `#graphql
  query OrderLineItemsPage($id: ID!, $after: String) {
    order(id: $id) {
      lineItems(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${LINE_ITEM_FIELDS} } } }
    }
  }
`;
