// The shop generator: a deterministic, realistic Japanese D2C shop as a ShopSource.
// The process and what a test can rely on are documented in docs/emulator-shop.md.
export { generateShop, type GenerateShopOptions } from "./generate-shop";
export { GeneratedShop } from "./generated-shop";
export { ShopTruth, type CustomerTruth, type ContractTruth, type ShopAggregates } from "./truth";
export { PROCESS } from "./process";
export { CHANNELS, INFLUENCERS } from "./channels";
export { CATALOGUE, SELLING_PLANS } from "./catalogue";
export { CAMPAIGNS } from "./discounts";
export { ID_BASE } from "./ids";
export { addNetRevenue, netRevenueByCustomer, topShare } from "./revenue";
