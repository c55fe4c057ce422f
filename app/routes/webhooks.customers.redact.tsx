import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import db from "../db.server";
import { customerGid, orderGid, redactCustomer } from "../privacy/redact.server";
import { receiveWebhook } from "../webhooks/receive.server";

const payload = z.object({
  customer: z.object({ id: z.number().int() }),
  orders_to_redact: z.array(z.number().int()).default([]),
});

export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, {
    topic: "customers/redact",
    payload,
    resourceId: (p) => customerGid(p.customer.id),
    apply: (shop, p) => redactCustomer(db, shop, customerGid(p.customer.id), p.orders_to_redact.map(orderGid)),
  });
