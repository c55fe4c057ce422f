import { refundWebhook } from "../sync/webhook-refresh.server";

export const action = refundWebhook("refunds/create");
