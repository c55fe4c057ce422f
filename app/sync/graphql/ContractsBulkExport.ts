// Every subscription contract the app owns, with its lines, as one bulk operation.
import { CONTRACT_LINE_FIELDS, CONTRACT_SCALAR_FIELDS } from "./ContractFields";

export const CONTRACTS_BULK_EXPORT = `{
  subscriptionContracts {
    edges {
      node {
        ${CONTRACT_SCALAR_FIELDS}
        lines { edges { node { ${CONTRACT_LINE_FIELDS} } } }
      }
    }
  }
}`;
