import { contractWebhook } from "../sync/webhook-refresh.server";

export const action = contractWebhook("subscription_contracts/update");
