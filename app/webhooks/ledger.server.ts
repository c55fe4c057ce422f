// The webhook ledger: Shopify delivers at least once, so every delivery is recorded by its event id
// before it is applied, and an event already applied is not applied again.
import type { Db } from "../db.server";

export interface Delivery {
  shop: string;
  /** X-Shopify-Event-Id: the same across retries and duplicate deliveries of one event. */
  eventId: string;
  webhookId: string;
  topic: string;
  apiVersion: string;
  triggeredAt: Date | null;
  resourceId: string | null;
}

export type LedgerOutcome = "applied" | "duplicate";

const DONE = ["applied", "skipped"];

/**
 * Records the delivery, runs `apply` unless the event was already applied, and marks the outcome.
 * A delivery whose earlier attempt failed (or died midway) is applied again: appliers are idempotent,
 * the ledger only saves repeating work that finished.
 */
export async function applyOnce(db: Db, delivery: Delivery, apply: () => Promise<void>): Promise<LedgerOutcome> {
  const key = { shop: delivery.shop, eventId: delivery.eventId };
  if (!(await recordFirstDelivery(db, delivery))) {
    const earlier = await db.webhookDelivery.findUnique({ where: { shop_eventId: key }, select: { status: true } });
    if (earlier && DONE.includes(earlier.status)) return "duplicate";
    await db.webhookDelivery.updateMany({ where: key, data: { attempts: { increment: 1 } } });
  }
  try {
    await apply();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.webhookDelivery.updateMany({ where: key, data: { status: "failed", lastError: message.slice(0, 1000) } });
    throw error;
  }
  // updateMany, not update: shop/redact deletes the shop's ledger rows, this one included.
  await db.webhookDelivery.updateMany({ where: key, data: { status: "applied", lastError: null } });
  return "applied";
}

/** True when this is the first delivery of the event; false when the ledger already holds it. */
async function recordFirstDelivery(db: Db, delivery: Delivery): Promise<boolean> {
  try {
    await db.webhookDelivery.create({ data: { ...delivery, status: "received", attempts: 1 } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

// Both generated clients (SQLite, PostgreSQL) raise their own error class; the code is what they share.
function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
