// The subscription contract fields Tsuzuku keeps (read_own_subscription_contracts: only contracts this
// app owns are visible), shared by the bulk export and the per-contract reads.
export const CONTRACT_SCALAR_FIELDS = `
  id
  status
  createdAt
  updatedAt
  nextBillingDate
  lastPaymentStatus
  currencyCode
  customer { id }
  originOrder { id }
  billingPolicy { interval intervalCount }
  deliveryPolicy { interval intervalCount }
`;

export const CONTRACT_LINE_FIELDS = `
  id
  quantity
  productId
  variantId
  sellingPlanId
  sellingPlanName
  currentPrice { amount currencyCode }
`;
