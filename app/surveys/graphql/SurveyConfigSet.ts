// The active surveys, as an app-owned ($app) JSON metafield on the shop: the checkout extension
// requests it in its toml ([[extensions.metafields]] namespace "$app", key "survey_config") and gets it
// with the page. App-owned metafields need no access scope.
export const SURVEY_CONFIG_SET = `#graphql
  mutation SurveyConfigSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { id namespace key }
      userErrors { field message code }
    }
  }
`;

export const SHOP_ID_QUERY = `#graphql
  query ShopId { shop { id } }
`;
