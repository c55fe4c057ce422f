// Everything a generated shop needs to materialise a record from its columns and seeds.
import { CATALOGUE } from "./catalogue";
import type { ShopColumns } from "./columns";
import type { CustomerModel } from "./customer-process";
import type { ShopPricing } from "./pricing";
import { WeightedChoice } from "./random";
import type { ShopTiming } from "./timing";

export interface ShopContext {
  columns: ShopColumns;
  pricing: ShopPricing;
  timing: ShopTiming;
  /** First-product distributions per channel, also used for a returning customer's new products. */
  customerModel: CustomerModel;
  /** Add-on and guest product picks: plain catalogue popularity. */
  popularProducts: WeightedChoice;
}

export const popularProducts = () => new WeightedChoice(CATALOGUE.map((p) => p.popularity));
