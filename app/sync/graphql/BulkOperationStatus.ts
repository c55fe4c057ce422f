// Polls one bulk operation (by id: `currentBulkOperation` is deprecated in 2026-07).
export const BULK_OPERATION_STATUS = `#graphql
  query BulkOperationStatus($id: ID!) {
    bulkOperation(id: $id) {
      id
      status
      errorCode
      objectCount
      rootObjectCount
      url
      partialDataUrl
      completedAt
    }
  }
`;
