import { describe, expect, it } from "vitest";
import { metricMismatches, valueAtPath } from "./metric-check";

const view = {
  current: { repeatRate: 0.3125, netRevenue: 1234567, label: "JPY", missing: null },
  rows: [{ retention: [1, 0.5, 0.25] }, { retention: [1, 0.4] }],
};

describe("valueAtPath", () => {
  it("follows object keys and array indices", () => {
    expect(valueAtPath(view, "current.repeatRate")).toBe(0.3125);
    expect(valueAtPath(view, "rows.0.retention.2")).toBe(0.25);
    expect(valueAtPath(view, "current.missing")).toBeNull();
  });

  it("is undefined for a path that leaves the view", () => {
    expect(valueAtPath(view, "rows.5.retention.0")).toBeUndefined();
    expect(valueAtPath(view, "current.repeatRate.x")).toBeUndefined();
    expect(valueAtPath(view, "current.toString")).toBeUndefined();
  });
});

describe("metricMismatches", () => {
  it("accepts values equal to the stored view with their formatted text", () => {
    expect(
      metricMismatches(view, [
        { path: "current.repeatRate", value: "0.3125", text: "31.3%" },
        { path: "current.netRevenue", value: "1234567", text: "￥1,234,567" },
        { path: "rows.1.retention.1", value: "0.4", text: "40%" },
        { path: "current.missing", value: "null", text: "—" },
        { path: "current.label", value: "JPY", text: "円" },
      ]),
    ).toEqual([]);
  });

  it("names the path of a value that differs, is missing, is not scalar, or shows no text", () => {
    const problems = metricMismatches(view, [
      { path: "current.repeatRate", value: "0.3", text: "30%" },
      { path: "current.f2", value: "0.1", text: "10%" },
      { path: "rows.0", value: "[object Object]", text: "x" },
      { path: "current.netRevenue", value: "1234567", text: "  " },
      { path: "rows.0.retention.1", value: "0.5", text: "half" },
    ]);
    expect(problems).toEqual([
      'data-metric="current.repeatRate": data-value="0.3" but the stored view has 0.3125',
      'data-metric="current.f2": no such path in the stored view (data-value="0.1", text "10%")',
      'data-metric="rows.0": the stored value is an object, not a number or string',
      'data-metric="current.netRevenue": shows no text',
      'data-metric="rows.0.retention.1": shows "half" for the number 0.5 (no digit)',
    ]);
  });
});
