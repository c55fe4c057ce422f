// The mandatory privacy requests: what Tsuzuku holds about one customer, forgetting that customer, and
// forgetting a whole shop 48 hours after it uninstalled.
import type { Db } from "../db.server";
import type { Customer, Prisma } from "../generated/prisma-sqlite/client.ts";

type Tx = Prisma.TransactionClient;

export const customerGid = (id: number | string) => `gid://shopify/Customer/${id}`;
export const orderGid = (id: number | string) => `gid://shopify/Order/${id}`;

export interface CustomerDataReport {
  customerId: string;
  customer: Customer | null;
  orderIds: string[];
  subscriptionContractIds: string[];
  surveyResponses: Array<{
    id: string;
    orderId: string;
    submittedAt: string;
    answers: Array<{ questionId: string; score: number | null; optionIds: string | null; text: string | null; consent: boolean | null }>;
  }>;
}

/**
 * customers/data_request: everything stored about the customer. Survey responses are found by customer
 * and by the requested orders too, since a response can arrive before its order (and its customer id).
 */
export async function collectCustomerData(db: Db, shop: string, customerId: string, orderIds: string[] = []): Promise<CustomerDataReport> {
  const orders = await db.order.findMany({ where: { shop, OR: [{ customerId }, { id: { in: orderIds } }] }, select: { id: true }, orderBy: { id: "asc" } });
  const [customer, contracts, responses] = await Promise.all([
    db.customer.findUnique({ where: { shop_id: { shop, id: customerId } } }),
    db.subscriptionContract.findMany({ where: { shop, customerId }, select: { id: true }, orderBy: { id: "asc" } }),
    db.surveyResponse.findMany({
      // A guest's answer carries no customer id; its synced order links it to the customer.
      where: { shop, OR: [{ customerId }, { orderId: { in: [...orderIds, ...orders.map((order) => order.id)] } }] },
      include: { answers: { select: { questionId: true, score: true, optionIds: true, text: true, consent: true } } },
      orderBy: { submittedAt: "asc" },
    }),
  ]);
  return {
    customerId,
    customer,
    orderIds: orders.map((order) => order.id),
    subscriptionContractIds: contracts.map((contract) => contract.id),
    surveyResponses: responses.map((response) => ({
      id: response.id,
      orderId: response.orderId,
      submittedAt: response.submittedAt.toISOString(),
      answers: response.answers,
    })),
  };
}

/**
 * customers/redact: the Customer row and the customer's survey answers go; orders and subscription
 * contracts stay for the shop's totals but lose the link to the customer, for good: the customer's id
 * is kept in RedactedCustomer, and the sync unlinks every record it stores again from it
 * (app/sync/customers/redacted-customers.ts).
 */
export async function redactCustomer(db: Db, shop: string, customerId: string, orderIds: string[] = []) {
  await db.$transaction(async (tx) => {
    // A guest's answer arrives without a customer id; the synced order links it to the customer.
    const ownOrders = (await tx.order.findMany({ where: { shop, customerId }, select: { id: true } })).map((o) => o.id);
    const responses = { shop, OR: [{ customerId }, { orderId: { in: [...orderIds, ...ownOrders] } }] };
    const responseIds = (await tx.surveyResponse.findMany({ where: responses, select: { id: true } })).map((r) => r.id);
    await tx.surveyAnswer.deleteMany({ where: { shop, responseId: { in: responseIds } } });
    await tx.surveyResponse.deleteMany({ where: { shop, id: { in: responseIds } } });
    await tx.order.updateMany({ where: { shop, OR: [{ customerId }, { id: { in: orderIds } }] }, data: { customerId: null } });
    await tx.subscriptionContract.updateMany({ where: { shop, customerId }, data: { customerId: null } });
    await tx.customer.deleteMany({ where: { shop, id: customerId } });
    await tx.redactedCustomer.upsert({ where: { shop_id: { shop, id: customerId } }, create: { shop, id: customerId }, update: {} });
  });
}

// Every model, children before parents. Typed by model name, so a model added to the schema and not
// listed here fails type-checking instead of surviving a shop/redact.
const deleteShopRows: Record<Prisma.ModelName, (tx: Tx, shop: string) => Promise<unknown>> = {
  SurveyAnswer: (tx, shop) => tx.surveyAnswer.deleteMany({ where: { shop } }),
  SurveyResponse: (tx, shop) => tx.surveyResponse.deleteMany({ where: { shop } }),
  SurveyQuestion: (tx, shop) => tx.surveyQuestion.deleteMany({ where: { shop } }),
  Survey: (tx, shop) => tx.survey.deleteMany({ where: { shop } }),
  SubscriptionStatusChange: (tx, shop) => tx.subscriptionStatusChange.deleteMany({ where: { shop } }),
  SubscriptionLine: (tx, shop) => tx.subscriptionLine.deleteMany({ where: { shop } }),
  SubscriptionContract: (tx, shop) => tx.subscriptionContract.deleteMany({ where: { shop } }),
  RefundLine: (tx, shop) => tx.refundLine.deleteMany({ where: { shop } }),
  Refund: (tx, shop) => tx.refund.deleteMany({ where: { shop } }),
  OrderLine: (tx, shop) => tx.orderLine.deleteMany({ where: { shop } }),
  Order: (tx, shop) => tx.order.deleteMany({ where: { shop } }),
  Customer: (tx, shop) => tx.customer.deleteMany({ where: { shop } }),
  RedactedCustomer: (tx, shop) => tx.redactedCustomer.deleteMany({ where: { shop } }),
  MetricSnapshot: (tx, shop) => tx.metricSnapshot.deleteMany({ where: { shop } }),
  Job: (tx, shop) => tx.job.deleteMany({ where: { shop } }),
  WebhookDelivery: (tx, shop) => tx.webhookDelivery.deleteMany({ where: { shop } }),
  SyncRun: (tx, shop) => tx.syncRun.deleteMany({ where: { shop } }),
  SyncCursor: (tx, shop) => tx.syncCursor.deleteMany({ where: { shop } }),
  ShopSettings: (tx, shop) => tx.shopSettings.deleteMany({ where: { shop } }),
  Session: (tx, shop) => tx.session.deleteMany({ where: { shop } }),
  Shop: (tx, shop) => tx.shop.deleteMany({ where: { shop } }),
};

export const SHOP_REDACT_MODELS = Object.keys(deleteShopRows) as Prisma.ModelName[];

/** shop/redact: every row of the shop, in every table, all or nothing. */
export async function redactShop(db: Db, shop: string) {
  // A shop with years of orders takes longer than the 5 s default to delete.
  await db.$transaction(
    async (tx) => {
      for (const model of SHOP_REDACT_MODELS) await deleteShopRows[model](tx, shop);
    },
    { timeout: 120_000 },
  );
}
