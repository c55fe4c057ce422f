// Six customers whose RFM segments 30 days apart are counted by hand (see the comments in
// customer-facts.test.ts): then = 2024-01-31, now = 2024-03-01, every order ¥1,000.
// c0: Jan 1, 10, 20, Feb 25 · c1: Jan 5 · c2: Jan 2, 3 · c3: Jan 15, 25 · c4: Jan 28 · c5: Feb 20 (new).
import { tinyShop } from "./tiny-shop.ts";

export const RFM_MOVES_NOW = Date.parse("2024-03-01T00:00:00Z");

const at = (day: string) => `2024-${day}T12:00:00Z`;

export const rfmMovesShop = () =>
  tinyShop(
    [
      ...["01-01", "01-10", "01-20", "02-25"].map((d) => ({ customer: 0, at: at(d), amount: 1000 })),
      { customer: 1, at: at("01-05"), amount: 1000 },
      ...["01-02", "01-03"].map((d) => ({ customer: 2, at: at(d), amount: 1000 })),
      ...["01-15", "01-25"].map((d) => ({ customer: 3, at: at(d), amount: 1000 })),
      { customer: 4, at: at("01-28"), amount: 1000 },
      { customer: 5, at: at("02-20"), amount: 1000 },
    ],
    { currency: "JPY" },
  );
