// Starts a bulk export. groupObjects stays false (the 2026-01+ default, faster and more reliable on
// Shopify's side): the reader does not rely on children following their parent.
export const BULK_OPERATION_RUN_QUERY = `#graphql
  mutation BulkOperationRunQuery($query: String!) {
    bulkOperationRunQuery(query: $query, groupObjects: false) {
      bulkOperation { id status }
      userErrors { field message code }
    }
  }
`;
