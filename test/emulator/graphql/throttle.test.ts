// Calculated cost and the per-shop leaky bucket, driven by the injectable clock (no sleeping).
import { describe, expect, it } from "vitest";
import { gql } from "./helpers.test-util";
import { order, testShop } from "./test-shop";

// 2 + ⌊2·ln 250⌋ × (1 order + lineItems(2 + ⌊2·ln 250⌋ × 1)) = 2 + 11 × 14 = 156 points requested.
const HEAVY = "{ orders(first: 250) { nodes { id lineItems(first: 250) { nodes { id } } } } }";

describe("throttling", () => {
  it("charges the requested cost up front and refunds down to the actual cost", async () => {
    const { ctx } = testShop({ orders: [order(1), order(2)] });
    const body = await gql(ctx, HEAVY);
    // actual: 2 orders → 2 + ⌊2·ln 2⌋ → factor 1 × (1 + (2 + 1 × 1)) = 6
    expect(body.extensions?.cost).toEqual({
      requestedQueryCost: 156,
      actualQueryCost: 6,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1994, restoreRate: 100 },
    });
  });

  it("answers THROTTLED with HTTP 200 when the bucket lacks the requested cost, then recovers at 100 points/s", async () => {
    const { ctx, clock } = testShop({ orders: [] });
    let last;
    // With no orders each request takes 156 and gets back all but its actual cost, 2 + 1 × 1 = 3.
    for (let i = 0; i < 13; i++) last = await gql(ctx, HEAVY);
    expect(last!.extensions?.cost.throttleStatus.currentlyAvailable).toBe(2000 - 13 * 3);
    // Drain the bucket to 100 points directly.
    ctx.throttle.tryTake(ctx.throttle.status(clock.now).currentlyAvailable - 100, clock.now);
    const throttled = await gql(ctx, HEAVY);
    expect(throttled).toEqual({
      errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
      extensions: { cost: { requestedQueryCost: 156, actualQueryCost: null, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 100, restoreRate: 100 } } },
    });
    clock.advance(500); // +50 points: 150 < 156, still throttled
    expect((await gql(ctx, HEAVY)).errors?.[0].extensions?.code).toBe("THROTTLED");
    clock.advance(100); // +10 more: 160 ≥ 156
    const recovered = await gql(ctx, HEAVY);
    expect(recovered.errors).toBeUndefined();
    expect(recovered.extensions?.cost.throttleStatus.currentlyAvailable).toBe(160 - 156 + (156 - 3));
    clock.advance(60_000); // a full minute refills to the cap, never beyond
    expect((await gql(ctx, "{ shop { id } }")).extensions?.cost.throttleStatus.currentlyAvailable).toBe(1999);
  });

  it("sizes the bucket and restore rate by plan", async () => {
    const expected = { standard: [2000, 100], advanced: [4000, 200], plus: [20000, 1000], enterprise: [40000, 2000] } as const;
    for (const [plan, [max, rate]] of Object.entries(expected)) {
      const { ctx } = testShop({ plan: plan as keyof typeof expected });
      const status = (await gql(ctx, "{ shop { id } }")).extensions!.cost.throttleStatus;
      expect(status).toEqual({ maximumAvailable: max, currentlyAvailable: max - 1, restoreRate: rate });
    }
  });

  it("refuses a query above the single-query cap of 1,000 without charging it", async () => {
    const { ctx } = testShop();
    const body = await gql(ctx, "{ orders(first: 250) { nodes { lineItems(first: 250) { nodes { contract { id lines(first: 250) { nodes { id } } } } } } } }");
    expect(body.errors?.[0].extensions).toMatchObject({ code: "MAX_COST_EXCEEDED", maxCost: 1000 });
    expect(body.errors?.[0].message).toMatch(/^Query cost is \d+, which exceeds the single query max cost limit \(1000\)\./);
    expect(body.extensions?.cost.actualQueryCost).toBeNull();
    expect(body.extensions?.cost.throttleStatus.currentlyAvailable).toBe(2000);
  });
});
