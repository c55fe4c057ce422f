import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import db from "../db.server";
import { recordUninstall } from "../shops/install.server";
import { receiveWebhook } from "../webhooks/receive.server";

// The payload is the shop resource; nothing in it is needed (and its contact fields are not kept).
export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, {
    topic: "app/uninstalled",
    payload: z.record(z.unknown()),
    apply: (shop) => recordUninstall(db, shop),
  });
