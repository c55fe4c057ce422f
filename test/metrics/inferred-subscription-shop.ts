// Subscriptions inferred from orders on a tiny shop with no contracts (UTC, as of 2024-06-30, 2024 is a
// leap year). Every order is 1,000.
//  c0: subscription orders Jan 1, Jan 31, Mar 1 (gaps 30, 30 → lapse 45 d): one span, ends Apr 15.
//  c1: subscription order May 20 (no gap → 30 d × 1.5 = 45 d), a one-time order Jun 10: open span.
//  c2: one-time orders only: not a subscriber.
//  c3: subscription orders Jan 10, Feb 10, Mar 10, Jun 20 (gaps 31, 29, 102 → median 31, lapse 46.5 d):
//      a span to Apr 25 12:00 and a reactivation on Jun 20 (open).
//  c4: one subscription order Jun 25: open span.
//  plus a guest subscription order and a cancelled one of c1.
import { tinyShop, type TinyOrder } from "./tiny-shop.ts";

export const INFERRED_SHOP_AS_OF = Date.parse("2024-06-30T00:00:00Z");
export const at = (date: string) => `${date}T00:00:00Z`;
export const order = (customer: number | null, date: string, subscription = true, extra: Partial<TinyOrder> = {}): TinyOrder => ({ customer, at: at(date), amount: 1000, subscription, ...extra });

export const inferredSubscriptionShop = () =>
  tinyShop([
    order(0, "2024-01-01"), order(0, "2024-01-31"), order(0, "2024-03-01"),
    order(1, "2024-05-20"), order(1, "2024-06-10", false), order(1, "2024-06-12", true, { cancelled: true }),
    order(2, "2024-02-01", false), order(2, "2024-03-01", false),
    order(3, "2024-01-10"), order(3, "2024-02-10"), order(3, "2024-03-10"), order(3, "2024-06-20"),
    order(4, "2024-06-25"),
    order(null, "2024-02-15"),
  ]);
