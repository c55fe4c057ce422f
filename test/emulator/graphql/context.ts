// Everything one emulated shop needs to answer Admin GraphQL: its records, a clock tests can move,
// its throttle bucket, its bulk operations, and where mutations report what changed (another part
// of the emulator turns those events into webhook deliveries).
import { BulkRegistry, type BulkRegistryOptions } from "../bulk/registry";
import type { ShopStore } from "../store/types";
import { ThrottleBucket, type ThrottleStatus } from "./throttle";

export type EventKind = "order" | "refund" | "subscription_contract";

/** Topics as Shopify names them: orders/create, refunds/create, subscription_contracts/pause, … */
export interface EmulatorEvent {
  topic: string;
  kind: EventKind;
  id: number;
}

export type EventSink = (event: EmulatorEvent) => void;

/**
 * What `webhookSubscriptions` lists. The webhooks part of the emulator owns these records
 * (test/emulator/webhooks/subscriptions.ts `WebhookSubscription` fits this shape as is).
 */
export interface WebhookSubscriptionRecord {
  id: number;
  /** "orders/create" or the enum form ORDERS_CREATE. */
  topic: string;
  uri: string;
  format?: "JSON" | "XML";
  createdAt: number;
  updatedAt?: number;
  filter: string | null;
  includeFields: string[];
  apiVersion: string;
}

export interface NewWebhookSubscription {
  topic: string; // "orders/create"
  uri: string;
  includeFields?: string[];
  filter?: string | null;
}

export interface AdminContext {
  readonly store: ShopStore;
  now(): number;
  emit: EventSink;
  readonly throttle: ThrottleBucket;
  readonly bulk: BulkRegistry;
  /** Absolute URL at which the HTTP server serves a bulk result file (see resolveBulkFile). */
  bulkFileUrl(token: string): string;
  webhookSubscriptions(): WebhookSubscriptionRecord[];
  /** Backs `webhookSubscriptionCreate`; absent → the mutation says the emulator lacks it. */
  createWebhookSubscription?: (input: NewWebhookSubscription) => WebhookSubscriptionRecord;
}

export interface AdminContextOptions {
  store: ShopStore;
  /** Epoch ms; tests inject a clock they advance instead of sleeping. */
  now?: () => number;
  events?: EventSink;
  bucketOverride?: Partial<Pick<ThrottleStatus, "maximumAvailable" | "restoreRate">>;
  bulk?: BulkRegistryOptions;
  bulkFileUrl?: (token: string) => string;
  webhookSubscriptions?: () => WebhookSubscriptionRecord[];
  createWebhookSubscription?: (input: NewWebhookSubscription) => WebhookSubscriptionRecord;
}

export function createAdminContext(options: AdminContextOptions): AdminContext {
  const now = options.now ?? Date.now;
  return {
    store: options.store,
    now,
    emit: options.events ?? (() => undefined),
    throttle: ThrottleBucket.forPlan(options.store.shop.planTier, now(), options.bucketOverride),
    bulk: new BulkRegistry(options.bulk),
    bulkFileUrl:
      options.bulkFileUrl ?? ((token) => `https://${options.store.shop.domain}/__emulator/bulk-operations/${token}.jsonl`),
    webhookSubscriptions: options.webhookSubscriptions ?? (() => []),
    createWebhookSubscription: options.createWebhookSubscription,
  };
}
