// The order fields Tsuzuku keeps, shared by the bulk export (OrdersBulkExport) and the per-order reads
// (OrdersByIds, OrdersUpdatedSince) so every path stores the same facts. Plain selection text, not a
// fragment: bulk operation queries are checked more strictly than ordinary ones.
// No names, emails, phones or addresses (protected customer data level 1): the customer is its id.
const shopMoney = "shopMoney { amount currencyCode }";

export const ORDER_SCALAR_FIELDS = `
  id
  name
  createdAt
  processedAt
  updatedAt
  cancelledAt
  cancelReason
  closedAt
  test
  sourceName
  tags
  discountCodes
  displayFinancialStatus
  displayFulfillmentStatus
  currencyCode
  presentmentCurrencyCode
  customer { id }
  customerJourneySummary {
    customerOrderIndex
    daysToConversion
    firstVisit { source sourceType referrerUrl utmParameters { source medium campaign content term } }
  }
  subtotalPriceSet { ${shopMoney} }
  totalDiscountsSet { ${shopMoney} }
  totalShippingPriceSet { ${shopMoney} }
  totalTaxSet { ${shopMoney} }
  totalPriceSet { ${shopMoney} presentmentMoney { amount currencyCode } }
  currentTotalPriceSet { ${shopMoney} }
  totalRefundedSet { ${shopMoney} }
  refunds { id createdAt note totalRefundedSet { ${shopMoney} } }
`;

export const LINE_ITEM_FIELDS = `
  id
  title
  sku
  quantity
  currentQuantity
  product { id }
  variant { id }
  originalUnitPriceSet { ${shopMoney} }
  discountedTotalSet { ${shopMoney} }
  sellingPlan { sellingPlanId name }
  contract { id }
`;
