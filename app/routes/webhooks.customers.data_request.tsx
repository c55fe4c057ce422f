import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import db from "../db.server";
import { logger } from "../logger.server";
import { collectCustomerData, customerGid, orderGid } from "../privacy/redact.server";
import { receiveWebhook } from "../webhooks/receive.server";

const payload = z.object({
  customer: z.object({ id: z.number().int() }),
  orders_requested: z.array(z.number().int()).default([]),
  data_request: z.object({ id: z.number().int() }).optional(),
});

// Tsuzuku has no channel to the customer; the merchant answers the request. What is held is collected
// and logged by id and count (never the answers' text) so support can hand it over on request.
export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, {
    topic: "customers/data_request",
    payload,
    resourceId: (p) => customerGid(p.customer.id),
    apply: async (shop, p) => {
      const report = await collectCustomerData(db, shop, customerGid(p.customer.id), p.orders_requested.map(orderGid));
      logger.info(
        {
          event: "customer_data_request",
          shop,
          dataRequestId: p.data_request?.id,
          customerId: report.customerId,
          customerStored: report.customer !== null,
          orderIds: report.orderIds,
          subscriptionContractIds: report.subscriptionContractIds,
          surveyResponseIds: report.surveyResponses.map((response) => response.id),
        },
        "customer data request collected",
      );
    },
  });
