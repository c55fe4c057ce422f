import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import db from "../db.server";
import { redactShop } from "../privacy/redact.server";
import { receiveWebhook } from "../webhooks/receive.server";

// Sent 48 hours after uninstall. The ledger row for this delivery goes with everything else of the shop.
export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, {
    topic: "shop/redact",
    payload: z.object({ shop_domain: z.string() }),
    apply: (shop) => redactShop(db, shop),
  });
