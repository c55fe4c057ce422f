// Fresh copies of specific orders (after a webhook said they changed). Up to 50 line items each; an
// order with more is completed with OrderLineItemsPage.
import { LINE_ITEM_FIELDS, ORDER_SCALAR_FIELDS } from "./OrderFields";

export const ORDERS_BY_IDS = `#graphql
  query OrdersByIds($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Order {
        ${ORDER_SCALAR_FIELDS}
        lineItems(first: 50) { pageInfo { hasNextPage endCursor } edges { node { ${LINE_ITEM_FIELDS} } } }
      }
    }
  }
`;
