// The scan's reading of a line item's selling plan off its bytes (sellingPlanOrder) agrees with the
// parsed line wherever it answers, and leaves to the parser every line it cannot read exactly.
import { describe, expect, it } from "vitest";
import { sellingPlanOrder } from "../../app/sync/backfill/resources";

const ORDER = "gid://shopify/Order/5001";
const escaped = (text: string) => text.replaceAll("/", "\\/");

/** What the parser makes of the line: its order when it is on a selling plan. */
function parsed(text: string): string | null {
  const json = JSON.parse(text) as { sellingPlan?: { sellingPlanId?: string | null } | null; __parentId: string };
  return json.sellingPlan?.sellingPlanId != null ? json.__parentId : null;
}

const line = (sellingPlan: unknown, title = "Daily serum") =>
  JSON.stringify({ id: "gid://shopify/LineItem/77", title, quantity: 1, sellingPlan, contract: null, __parentId: ORDER });

describe("sellingPlanOrder", () => {
  const read = [
    ["on a selling plan, slashes escaped as Shopify writes them", escaped(line({ sellingPlanId: "gid://shopify/SellingPlan/9", name: "Every month" }))],
    ["on a selling plan, slashes as they are", line({ sellingPlanId: "gid://shopify/SellingPlan/9", name: "Every month" })],
    ["on none", escaped(line(null))],
    ["on none, with the key's text inside an escaped title", escaped(line(null, '"sellingPlan":{"sellingPlanId":"x"}'))],
  ] as const;
  it.each(read)("reads a line %s as the parser does", (_, text) => {
    expect(sellingPlanOrder(Buffer.from(text))).toBe(parsed(text));
  });

  it("reads the order of a line on a selling plan", () => {
    expect(sellingPlanOrder(Buffer.from(read[0][1]))).toBe(ORDER);
  });

  const left = [
    ["titled with the key's name", escaped(line(null, "sellingPlanId"))],
    ["whose selling plan has no id", escaped(line({ sellingPlanId: null, name: "Every month" }))],
    ["written with spaces", JSON.stringify(JSON.parse(line({ sellingPlanId: "gid://shopify/SellingPlan/9" })), null, 1).replaceAll("\n", "")],
    ["whose selling plan lists its name first", escaped(line({ name: "Every month", sellingPlanId: "gid://shopify/SellingPlan/9" }))],
    ["whose parent id holds an escape other than \\/", line({ sellingPlanId: "gid://shopify/SellingPlan/9" }).replace(ORDER, "gid://shopify/Order/\\u0035001")],
    ["without a parent id", JSON.stringify({ id: "gid://shopify/LineItem/77", sellingPlan: { sellingPlanId: "gid://shopify/SellingPlan/9" } })],
  ] as const;
  it.each(left)("leaves a line %s to the parser", (_, text) => {
    expect(sellingPlanOrder(Buffer.from(text))).toBeUndefined();
  });
});
