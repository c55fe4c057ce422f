// A subscription contract's life, simulated from its own seed: the terms (plan, quantity, fixed
// course), a latent churn probability (shifted-beta-geometric, so early cycles churn most and loyal
// subscribers stay for years), and the cycle-by-cycle events up to the window's end. The generator
// runs it to place the renewal orders; materialising the contract runs it again to get the same
// status and history, so nothing but the seed and the origin instant is stored.
import type { ContractStatus } from "../store/types";
import type { ShopCalendar } from "./calendar";
import { SELLING_PLANS } from "./catalogue";
import { PROCESS } from "./process";
import { Rng } from "./random";
import type { ShopTiming } from "./timing";

const DAY_MS = 86_400_000;
/** Event instants are whole seconds, like Shopify's timestamps. */
const wholeSecond = (ms: number) => Math.round(ms / 1000) * 1000;

export interface ContractLifecycle {
  planIndex: number;
  quantity: number;
  /** Deliveries after which the contract expires (origin included); 0 = open-ended. */
  maxDeliveries: number;
  /** Latent probability of cancelling before any given billing. */
  churnProbability: number;
  /** Instants of the renewal orders, ascending. */
  renewals: number[];
  status: ContractStatus;
  history: { status: ContractStatus; at: number }[];
  nextBillingDate: number | null;
  lastPaymentStatus: "SUCCEEDED" | "FAILED";
  updatedAt: number;
}

export type ContractTerms = Pick<ContractLifecycle, "planIndex" | "quantity" | "maxDeliveries" | "churnProbability">;

/** The terms are the first draws of the contract's stream, so orders can read them without the lifecycle. */
function drawTerms(rng: Rng): ContractTerms {
  const p = PROCESS.subscription;
  const planIndex = rng.chance(p.monthlyShare) ? 0 : 1;
  const interval = SELLING_PLANS[planIndex].intervalCount;
  const quantity = rng.chance(p.quantityTwoShare) ? 2 : 1;
  const maxDeliveries = rng.chance(p.fixedCourseShare) ? p.fixedCourseDeliveries / interval : 0;
  const churnProbability = Math.min(0.95, rng.beta(p.churnBeta[0], p.churnBeta[1]) * (interval === 2 ? p.bimonthlyChurnFactor : 1));
  return { planIndex, quantity, maxDeliveries, churnProbability };
}

export function contractTerms(seed: number): ContractTerms {
  return drawTerms(new Rng(seed));
}

export function simulateContract(seed: number, originAt: number, timing: ShopTiming): ContractLifecycle {
  const calendar: ShopCalendar = timing.calendar;
  const p = PROCESS.subscription;
  const rng = new Rng(seed);
  const { planIndex, quantity, maxDeliveries, churnProbability } = drawTerms(rng);
  const interval = SELLING_PLANS[planIndex].intervalCount;

  const end = calendar.windowEnd;
  const originDay = calendar.dayOf(originAt);
  const billingAt = (cycle: number) => {
    const day = calendar.addMonths(originDay, cycle * interval);
    return day < 0 ? Infinity : calendar.instant(day, timing.secondOfDay(rng, "renewal"));
  };
  const life: ContractLifecycle = {
    planIndex, quantity, maxDeliveries, churnProbability,
    renewals: [],
    status: "ACTIVE",
    history: [{ status: "ACTIVE", at: originAt }],
    nextBillingDate: null,
    lastPaymentStatus: "SUCCEEDED",
    updatedAt: originAt,
  };
  const change = (status: ContractStatus, at: number) => {
    life.status = status;
    life.history.push({ status, at });
    life.updatedAt = at;
  };
  /** The contract is still ACTIVE at the window's end; `next` is when it will bill (or retry). */
  const stillActive = (next: number) => {
    life.nextBillingDate = Number.isFinite(next) ? next : null;
  };

  let cycle = 1;
  let delivered = 1;
  let previous = originAt;
  for (;;) {
    const billAt = billingAt(cycle);
    // Churn and pauses happen between two billings, never on top of one.
    if (rng.chance(churnProbability)) {
      const at = wholeSecond(previous + rng.between(0.3, 0.95) * (billAt - previous));
      if (at >= end) stillActive(billAt);
      else change("CANCELLED", at);
      break;
    }
    if (rng.chance(p.pauseShare)) {
      const at = wholeSecond(previous + rng.between(0.3, 0.95) * (billAt - previous));
      if (at >= end) {
        stillActive(billAt);
        break;
      }
      change("PAUSED", at);
      const skipped = 1 + Math.min(5, rng.geometric(0.5));
      if (!rng.chance(p.resumeShare)) {
        const cancelAt = wholeSecond(at + rng.between(20, 120) * DAY_MS);
        if (rng.chance(p.cancelAfterPauseShare) && cancelAt < end) change("CANCELLED", cancelAt);
        break;
      }
      cycle += skipped;
      const resumeAt = wholeSecond(billingAt(cycle) - rng.between(1, 5) * DAY_MS);
      if (resumeAt >= end) break;
      change("ACTIVE", resumeAt);
      previous = resumeAt;
      continue;
    }
    if (billAt >= end) {
      stillActive(billAt);
      break;
    }
    if (rng.chance(p.paymentFailureShare)) {
      life.lastPaymentStatus = "FAILED";
      life.updatedAt = billAt;
      const giveUpAt = wholeSecond(billAt + rng.between(p.dunningDays[0], p.dunningDays[1]) * DAY_MS);
      if (giveUpAt >= end) stillActive(giveUpAt); // dunning still retrying
      else change("FAILED", giveUpAt);
      break;
    }
    life.renewals.push(billAt);
    life.updatedAt = billAt;
    delivered++;
    previous = billAt;
    if (maxDeliveries > 0 && delivered >= maxDeliveries) {
      change("EXPIRED", billAt);
      break;
    }
    cycle++;
  }
  return life;
}
