// How many orders the shop has: the backfill's expected count for the progress bar and ETA.
export const ORDERS_COUNT = `#graphql
  query OrdersCount { ordersCount(limit: null) { count precision } }
`;
