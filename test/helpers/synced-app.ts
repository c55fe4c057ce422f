// What a page-loader test starts from: a shop synced from the emulator (orders and subscription
// contracts backfilled), one metrics snapshot, the app's modules on its database with the shop's offline
// session stored, and another shop with data but no snapshot.
import { Session } from "@shopify/shopify-app-remix/server";
import { computeSnapshot } from "../../app/snapshots/jobs";
import { seedShop } from "../factories/commerce";
import { startSyncHarness, type SyncHarness } from "../sync/harness";
import { startApp } from "./app";

export interface SyncedApp {
  harness: SyncHarness;
  app: Awaited<ReturnType<typeof startApp>>;
  close(): Promise<void>;
}

export async function startSyncedApp(options: { orders: number; seed: number; otherShop: string }): Promise<SyncedApp> {
  const harness = await startSyncHarness({ orders: options.orders, seed: options.seed });
  for (const resource of ["orders", "subscriptionContracts"] as const) await harness.backfill(resource);
  await computeSnapshot(harness.database.db, harness.shop);
  const app = await startApp(harness.database.url);
  await app.shopify.sessionStorage.storeSession(
    new Session({ id: `offline_${harness.shop}`, shop: harness.shop, state: "", isOnline: false, scope: "read_orders", accessToken: harness.accessToken }),
  );
  await seedShop(harness.database.db, options.otherShop, 5);
  return {
    harness,
    app,
    async close() {
      await app.stop();
      await harness.close();
    },
  };
}
