// Outcomes by survey answer on a hand-built shop (UTC, as of 2024-12-31): 40 "high" customers of whom
// 20 reorder after 31 days; 40 "low" of whom 8 reorder after 31 days and 4 after 152; 10 "neutral" who
// all reorder (too few); 6 without an answer (one too young for F2 or LTV). Every order is 1,000.
import { tinyShop, type TinyOrder } from "./tiny-shop.ts";

export const SURVEY_SHOP_AS_OF = Date.parse("2024-12-31T00:00:00Z");

export function surveyShop() {
  const orders: TinyOrder[] = [];
  const bands: number[] = []; // per customer: 0 high, 1 low, 2 neutral, −1 none
  const add = (band: number, second: string | null, first = "2024-01-01T00:00:00Z") => {
    const customer = bands.push(band) - 1;
    orders.push({ customer, at: first, amount: 1000 });
    if (second) orders.push({ customer, at: second, amount: 1000 });
  };
  for (let i = 0; i < 40; i++) add(0, i < 20 ? "2024-02-01T00:00:00Z" : null);
  for (let i = 0; i < 40; i++) add(1, i < 8 ? "2024-02-01T00:00:00Z" : i < 12 ? "2024-06-01T00:00:00Z" : null);
  for (let i = 0; i < 10; i++) add(2, "2024-02-01T00:00:00Z");
  for (let i = 0; i < 5; i++) add(-1, null);
  add(-1, null, "2024-12-01T00:00:00Z");
  const shop = tinyShop(orders);
  shop.surveySegments = [{ name: "satisfactionBand", values: ["high", "low", "neutral"], valueByCustomer: Int32Array.from(bands) }];
  return shop;
}

