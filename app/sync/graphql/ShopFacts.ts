// The shop facts Tsuzuku stores on install: currency for money, time zone for period boundaries, plan
// for support. `plan.publicDisplayName` replaces `displayName`, deprecated in 2026-07.
export const SHOP_FACTS_QUERY = `#graphql
  query ShopFacts {
    shop {
      id
      name
      currencyCode
      ianaTimezone
      plan {
        publicDisplayName
        shopifyPlus
      }
    }
  }
`;
