// Turns shop events into signed deliveries to the app: one per matching subscription, with the switchable
// faults and Shopify's retry schedule. Times are on the emulated clock; `timeScale` compresses the waits
// (3_600_000 turns each emulated hour into a real millisecond) so a four-hour retry cycle runs in a test.
import { randomUUID } from "node:crypto";
import type { EmShop } from "../store/types";
import { type DeliveryEnvelope, webhookRequest } from "./delivery-request";
import { FaultDice, NO_FAULTS, type WebhookFaults } from "./faults";
import { SHOPIFY_DELIVERY_TIMEOUT_MS, SHOPIFY_RETRY_DELAYS_MS } from "./retry-schedule";
import { pickFields, type WebhookSubscriptionRegistry } from "./subscriptions";

export interface WebhookDispatcherOptions {
  apiSecret: string;
  /** Base for the relative `uri`s of shopify.app.toml. */
  appUrl: string;
  registry: WebhookSubscriptionRegistry;
  /** The emulated clock, epoch milliseconds. */
  now?: () => number;
  /** Emulated milliseconds per real millisecond for every wait; 1 is real time. */
  timeScale?: number;
  /** How a request reaches the app; `fetch` by default, an in-process route handler in tests. */
  send?: (request: Request) => Promise<Response>;
  faults?: Partial<WebhookFaults>;
  seed?: number;
  retryDelaysMs?: readonly number[];
  /** Real milliseconds to wait for the app's answer. */
  timeoutMs?: number;
  /** Shopify delivers only to shops that have the app installed (compliance topics excepted). */
  isInstalled?: (shop: string) => boolean;
}

export interface AttemptRecord {
  attempt: number;
  /** Emulated milliseconds after the event when this attempt was due. */
  dueOffsetMs: number;
  /** Global send order across all deliveries. */
  sequence: number;
  status: number | null;
  error: string | null;
}

export interface DeliveryRecord extends DeliveryEnvelope {
  subscriptionId: number;
  duplicateOf: string | null;
  state: "scheduled" | "held" | "in_flight" | "delivered" | "failed" | "dropped";
  attempts: AttemptRecord[];
}

const COMPLIANCE_TOPICS = new Set(["customers/data_request", "customers/redact", "shop/redact"]);

export class WebhookDispatcher {
  /** Switch faults at any time; they apply to events published afterwards. */
  readonly faults: WebhookFaults;
  readonly deliveries: DeliveryRecord[] = [];
  private readonly dice: FaultDice;
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Deliveries parked by the reorder window, with the emulated offset their first attempt was due at. */
  private held: { delivery: DeliveryRecord; dueOffsetMs: number }[] = [];
  private inFlight = 0;
  private sequence = 0;
  private idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(private readonly options: WebhookDispatcherOptions) {
    this.faults = { ...NO_FAULTS, ...options.faults, delayMs: { ...NO_FAULTS.delayMs, ...options.faults?.delayMs } };
    this.dice = new FaultDice(options.seed ?? 1);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private get retryDelays(): readonly number[] {
    return this.options.retryDelaysMs ?? SHOPIFY_RETRY_DELAYS_MS;
  }

  /** Sends `topic` with `payload` to every subscription of the shop; returns the event id. */
  publish(shop: EmShop, topic: string, payload: Record<string, unknown>): string {
    const eventId = randomUUID();
    if (this.closed) return eventId;
    if (!COMPLIANCE_TOPICS.has(topic) && this.options.isInstalled && !this.options.isInstalled(shop.domain)) return eventId;
    const triggeredAt = this.now();
    for (const subscription of this.options.registry.matching(shop.domain, topic)) {
      const original = this.record({
        url: new URL(subscription.uri, this.options.appUrl).toString(),
        topic,
        shopDomain: shop.domain,
        apiVersion: subscription.apiVersion,
        webhookId: randomUUID(),
        eventId,
        triggeredAt,
        body: JSON.stringify(pickFields(payload, subscription.includeFields)),
        subscriptionId: subscription.id,
        duplicateOf: null,
        state: "scheduled",
        attempts: [],
      });
      if (this.dice.chance(this.faults.dropRate)) {
        original.state = "dropped";
        continue;
      }
      this.scheduleFirstAttempt(original);
      if (this.dice.chance(this.faults.duplicateRate)) {
        const duplicate = this.record({ ...original, webhookId: randomUUID(), duplicateOf: original.webhookId, attempts: [] });
        this.scheduleFirstAttempt(duplicate);
      }
    }
    return eventId;
  }

  /** Sends every delivery the reorder window is holding back, shuffled. */
  flush(): void {
    const released = this.dice.shuffle(this.held);
    this.held = [];
    // One after another, so the app receives them in exactly the shuffled order (concurrent sends would
    // race on the socket and make the order, and the tests, a matter of luck).
    this.inFlight += 1;
    void (async () => {
      try {
        for (const { delivery, dueOffsetMs } of released) await this.attempt(delivery, 1, dueOffsetMs);
      } finally {
        this.inFlight -= 1;
        this.notifyIfIdle();
      }
    })();
  }

  /** Resolves once nothing is scheduled or in flight (a window held with reorderHoldMs null waits for `flush`). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.held = [];
    this.notifyIfIdle();
  }

  private record(delivery: DeliveryRecord): DeliveryRecord {
    this.deliveries.push(delivery);
    return delivery;
  }

  private scheduleFirstAttempt(delivery: DeliveryRecord): void {
    const delay = this.dice.between(this.faults.delayMs.min, this.faults.delayMs.max);
    this.after(delay, () => {
      if (this.faults.reorderWindow > 1) {
        delivery.state = "held";
        const holdMs = this.faults.reorderHoldMs;
        if (this.held.length === 0 && holdMs !== null) this.after(holdMs, () => this.flush());
        this.held.push({ delivery, dueOffsetMs: delay });
        if (this.held.length >= this.faults.reorderWindow) this.flush();
        return;
      }
      void this.attempt(delivery, 1, delay);
    });
  }

  private after(emulatedMs: number, run: () => void): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
      this.notifyIfIdle();
    }, emulatedMs / (this.options.timeScale ?? 1));
    this.timers.add(timer);
  }

  private async attempt(delivery: DeliveryRecord, attempt: number, dueOffsetMs: number): Promise<void> {
    if (this.closed) return;
    delivery.state = "in_flight";
    const record: AttemptRecord = { attempt, dueOffsetMs, sequence: ++this.sequence, status: null, error: null };
    delivery.attempts.push(record);
    this.inFlight += 1;
    try {
      const signal = AbortSignal.timeout(this.options.timeoutMs ?? SHOPIFY_DELIVERY_TIMEOUT_MS);
      const response = await (this.options.send ?? fetch)(webhookRequest(delivery, this.options.apiSecret, signal));
      record.status = response.status;
      await response.body?.cancel();
    } catch (error) {
      // The app's route may throw its Response (Remix would send it); anything else is a failed attempt.
      if (error instanceof Response) record.status = error.status;
      else record.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.inFlight -= 1;
    }
    const ok = record.status !== null && record.status >= 200 && record.status < 300;
    const retryDelay = this.retryDelays[attempt - 1];
    if (ok) delivery.state = "delivered";
    else if (retryDelay === undefined) delivery.state = "failed";
    else {
      delivery.state = "scheduled";
      this.after(retryDelay, () => void this.attempt(delivery, attempt + 1, dueOffsetMs + retryDelay));
    }
    this.notifyIfIdle();
  }

  private isIdle(): boolean {
    return this.timers.size === 0 && this.inFlight === 0;
  }

  private notifyIfIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
