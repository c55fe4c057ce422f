import { orderWebhook } from "../sync/webhook-refresh.server";

export const action = orderWebhook("orders/cancelled");
