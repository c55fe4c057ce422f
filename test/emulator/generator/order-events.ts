// What happens to an order after it is placed — payment, cancellation, fulfilment, refunds — drawn
// from a stream of its own (not the one that builds its lines), so the generator's truth pass and
// orderUpdatedAt() can compute it without building the order. Events at or after the window's end
// have not happened yet: they are left out, which is why the realised refund share dips in the
// last weeks of the window.
import { type OrderKind, KIND, SOURCE } from "./order-flags";
import { PROCESS } from "./process";
import { Rng, STREAM, WeightedChoice, deriveSeed } from "./random";
import type { EmOrder } from "../store/types";

/** Event instants are whole seconds, like Shopify's timestamps. */
const afterDays = (from: number, days: number) => from + Math.round(days * 86_400) * 1000;

type CancelReason = NonNullable<EmOrder["cancelReason"]>;
const REASONS = Object.keys(PROCESS.cancellation.reasons) as CancelReason[];
const reasonChoice = new WeightedChoice(Object.values(PROCESS.cancellation.reasons));

export interface OrderEvents {
  /** Null while a konbini or payment-terms order is still unpaid at the window's end (PENDING). */
  paidAt: number | null;
  fulfilledAt: number | null;
  cancelledAt: number | null;
  cancelReason: CancelReason | null;
  /** Cancelled before capture: the payment is voided, nothing is refunded. */
  voided: boolean;
  /** Instants of the (non-cancellation) refunds, at most two. */
  refundsAt: number[];
  /** The first refund returns the whole order. */
  firstRefundFull: boolean;
  /** Continues the stream, for choosing refund lines when the order is materialised. */
  rng: Rng;
}

export function orderEvents(seed: number, processedAt: number, kind: OrderKind, source: number, crossBorder: boolean, windowEnd: number): OrderEvents {
  const rng = new Rng(deriveSeed(seed, STREAM.orderEvents));
  const { payment, cancellation, refund } = PROCESS;
  const events: OrderEvents = {
    paidAt: processedAt, fulfilledAt: null, cancelledAt: null, cancelReason: null, voided: false,
    refundsAt: [], firstRefundFull: false, rng,
  };
  if (kind === KIND.test) return events;

  let payDays = 0;
  if (source === SOURCE.draft && rng.chance(payment.draftTermsShare)) payDays = rng.between(payment.draftTermsDays[0], payment.draftTermsDays[1]);
  else if (source === SOURCE.web && kind !== KIND.renewal && !crossBorder && rng.chance(payment.konbiniShare)) payDays = rng.between(payment.konbiniDays[0], payment.konbiniDays[1]);
  const paidAt = afterDays(processedAt, payDays);
  events.paidAt = paidAt < windowEnd ? paidAt : null;

  if ((kind === KIND.oneTime || kind === KIND.guest) && rng.chance(cancellation.share)) {
    const at = afterDays(processedAt, rng.between(cancellation.hours[0], cancellation.hours[1]) / 24);
    const reason = REASONS[reasonChoice.pick(rng)];
    const voided = paidAt > at || rng.chance(cancellation.voidedShare);
    if (at < windowEnd) {
      Object.assign(events, { cancelledAt: at, cancelReason: reason, voided });
      return events;
    }
  }

  const fulfilledAt = source === SOURCE.pos ? processedAt : afterDays(paidAt, rng.between(PROCESS.fulfilmentDays[0], PROCESS.fulfilmentDays[1]));
  events.fulfilledAt = fulfilledAt < windowEnd ? fulfilledAt : null;

  if (events.paidAt !== null && rng.chance(refund.share)) {
    const [from, to] = rng.chance(refund.lateShare) ? refund.lateDays : refund.earlyDays;
    const first = afterDays(paidAt, rng.between(from, to));
    events.firstRefundFull = rng.chance(refund.fullShare);
    const second = !events.firstRefundFull && rng.chance(refund.secondShare) ? afterDays(first, rng.between(refund.secondDays[0], refund.secondDays[1])) : Infinity;
    if (first < windowEnd) events.refundsAt.push(first);
    if (second < windowEnd) events.refundsAt.push(second);
  }
  return events;
}

/** When the order was last touched: its latest event inside the window. */
export function lastEventAt(processedAt: number, events: OrderEvents): number {
  let latest = processedAt;
  for (const at of [events.paidAt, events.fulfilledAt, events.cancelledAt, ...events.refundsAt]) {
    if (at !== null && at > latest) latest = at;
  }
  return latest;
}

/** Shopify archives (closes) an order once it is paid and fulfilled, or when it is cancelled. */
export function closedAtOf(events: OrderEvents): number | null {
  if (events.cancelledAt !== null) return events.cancelledAt;
  if (events.paidAt === null || events.fulfilledAt === null) return null;
  return Math.max(events.paidAt, events.fulfilledAt);
}
