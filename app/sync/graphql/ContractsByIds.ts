// Fresh copies of specific subscription contracts (after a webhook said they changed).
import { CONTRACT_LINE_FIELDS, CONTRACT_SCALAR_FIELDS } from "./ContractFields";

export const CONTRACTS_BY_IDS = `#graphql
  query ContractsByIds($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on SubscriptionContract {
        ${CONTRACT_SCALAR_FIELDS}
        lines(first: 50) { edges { node { ${CONTRACT_LINE_FIELDS} } } }
      }
    }
  }
`;
