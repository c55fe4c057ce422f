// Reconciliation of subscription contracts: every contract changed at or after a watermark.
import { CONTRACT_LINE_FIELDS, CONTRACT_SCALAR_FIELDS } from "./ContractFields";

export const CONTRACTS_UPDATED_SINCE = `#graphql
  query ContractsUpdatedSince($query: String!, $after: String) {
    subscriptionContracts(first: 50, after: $after, query: $query) {
      pageInfo { hasNextPage endCursor }
      edges { node { ${CONTRACT_SCALAR_FIELDS} lines(first: 50) { edges { node { ${CONTRACT_LINE_FIELDS} } } } } }
    }
  }
`;
