import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import db from "../db.server";
import { recordScopes } from "../shops/install.server";
import { receiveWebhook } from "../webhooks/receive.server";

export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, {
    topic: "app/scopes_update",
    payload: z.object({ current: z.array(z.string()) }),
    apply: (shop, payload) => recordScopes(db, shop, payload.current),
  });
