// When things happen: which local day a new customer (or a guest order) arrives on, and at which local
// second of the day an order is placed. Both are fixed distributions built once per shop.
import type { ShopCalendar } from "./calendar";
import { campaignOn } from "./discounts";
import { PROCESS } from "./process";
import { type Rng, WeightedChoice } from "./random";

export type HourProfile = "online" | "pos" | "renewal" | "test";

export class ShopTiming {
  private readonly arrivalDay: WeightedChoice;
  private readonly onlineHour = new WeightedChoice(PROCESS.onlineHourWeights);
  private readonly hourRanges: Record<Exclude<HourProfile, "online">, readonly number[]> = {
    pos: PROCESS.posHours,
    renewal: PROCESS.renewalHours,
    test: PROCESS.testHours,
  };

  constructor(readonly calendar: ShopCalendar) {
    const { firstWindowDay, endWindowDay } = calendar;
    const span = Math.max(1, endWindowDay - firstWindowDay);
    const { growth, monthFactor, weekdayFactor } = PROCESS.arrival;
    const weights = new Float64Array(span);
    for (let i = 0; i < span; i++) {
      const day = firstWindowDay + i;
      const campaign = campaignOn(calendar.month[day], calendar.dayOfMonth[day]);
      weights[i] = Math.pow(growth, i / span) * monthFactor[calendar.month[day]] * weekdayFactor[calendar.weekday[day]] * (campaign?.arrivalBoost ?? 1);
    }
    this.arrivalDay = new WeightedChoice(weights);
  }

  /** A day in the window, weighted by growth, season, weekday and campaigns. */
  arrivalDayIn(rng: Rng): number {
    return this.calendar.firstWindowDay + this.arrivalDay.pick(rng);
  }

  /** A uniform day among the window's first `days` days. */
  earlyDay(rng: Rng, days: number): number {
    const { firstWindowDay, endWindowDay } = this.calendar;
    return firstWindowDay + rng.int(Math.min(days, endWindowDay - firstWindowDay));
  }

  /** A local second of the day for an order of the given kind. */
  secondOfDay(rng: Rng, profile: HourProfile): number {
    if (profile === "online") return this.onlineHour.pick(rng) * 3600 + rng.int(3600);
    const [from, to] = this.hourRanges[profile];
    return from * 3600 + rng.int((to - from) * 3600);
  }

  /** The instant of an order on `day`, or -1 when the day is outside the window. */
  orderInstant(rng: Rng, day: number, profile: HourProfile): number {
    if (day < this.calendar.firstWindowDay || day >= this.calendar.endWindowDay) return -1;
    return this.calendar.instant(day, this.secondOfDay(rng, profile));
  }
}
