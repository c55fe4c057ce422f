// What goes into an order: a hero product (the customer's first product on their first order, often
// their favourite again later, the contract's product on subscription orders), then add-ons and
// extra units until the basket reaches the order's spend target. The target is drawn around the
// customer's own mean order value, so heavy spenders have big baskets order after order.
import { CATALOGUE } from "./catalogue";
import { PROCESS } from "./process";
import type { Rng, WeightedChoice } from "./random";

export interface BasketLine {
  product: number;
  quantity: number;
  /** The line is bought on the contract's selling plan (its price and quantity are fixed). */
  subscription: boolean;
}

const MAX_STEPS = 12;
const ADD_PRODUCT_SHARE = 0.6;

export function drawBasket(rng: Rng, hero: BasketLine, targetJpy: number, addOns: WeightedChoice): BasketLine[] {
  const { maxLines, maxQuantity } = PROCESS.spend;
  const lines: BasketLine[] = [hero];
  let valueJpy = CATALOGUE[hero.product].priceJpy * hero.quantity;
  for (let step = 0; step < MAX_STEPS && valueJpy < targetJpy; step++) {
    let line: BasketLine | undefined;
    if (lines.length < maxLines && rng.chance(ADD_PRODUCT_SHARE)) {
      const product = addOns.pick(rng);
      line = lines.find((l) => l.product === product && !l.subscription);
      if (!line) {
        lines.push({ product, quantity: 1, subscription: false });
        valueJpy += CATALOGUE[product].priceJpy;
        continue;
      }
    } else {
      line = lines[rng.int(lines.length)];
    }
    if (line.subscription || line.quantity >= maxQuantity) continue;
    line.quantity++;
    valueJpy += CATALOGUE[line.product].priceJpy;
  }
  return lines;
}

/** An order's spend target in JPY around a mean order value: Gamma(orderShape, mean / orderShape). */
export function spendTargetJpy(rng: Rng, meanOrderValueJpy: number): number {
  const shape = PROCESS.spend.orderShape;
  return rng.gamma(shape, meanOrderValueJpy / shape);
}
