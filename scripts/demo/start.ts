// The offline demo, end to end: a fresh database, the Admin API emulator with a generated shop, the real
// built app pointed at it, the install through token exchange, the real backfill and metrics jobs,
// surveys created by the merchant and answered by generated shoppers, and the stand-in admin frame.
// `npm run demo` (main.ts) calls startDemo; so do the browser tests and bench:admin.
import { randomBytes } from "node:crypto";
import pino from "pino";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb, databaseKind, type Db } from "../../app/db.server";
import { createJobQueue, JobRegistry } from "../../app/jobs/job-queue.server";
import { snapshotJobs } from "../../app/snapshots/jobs";
import { startShopifyEmulator, type ShopifyEmulator } from "../../test/emulator/emulator";
import { generateShop } from "../../test/emulator/generator";
import { MutableShopStore } from "../../test/emulator/store/shop-store";
import { type AdminFrame, startAdminFrame } from "./admin-frame";
import { type AppServer, configuredScopes, freePort, startAppServer } from "./app-server";
import { sqliteFile } from "../prisma-cli";
import { demoBuild, freshDatabase } from "./prepare";
import { waitForBackfills, waitForSnapshot, waitForSyncSnapshots } from "./progress";
import { answerSurveys } from "./shoppers";
import { createAndPublishSurveys } from "./surveys";
import { browserFetch } from "./browser-fetch";

export const DEMO_DATABASE_URL = "file:./prisma/demo.db";
export const DEMO_SHOP_DOMAIN = "tsuzuku-demo.myshopify.com";
const APP_NAME = "Tsuzuku";

export interface DemoOptions {
  /** Orders in the generated shop (the demo's default is 50,000). */
  orders: number;
  seed: number;
  /** The admin frame's port; a free one when omitted. */
  port?: number;
  /** A SQLite file URL (recreated) or an empty PostgreSQL database; prisma/demo.db by default. */
  databaseUrl?: string;
  /** Progress lines; silent when omitted. */
  log?: (line: string) => void;
}

export interface Demo {
  /** The stand-in Shopify admin with the app inside: open this. */
  frameUrl: string;
  /** The app server itself (SHOPIFY_APP_URL). */
  appUrl: string;
  /** The shop's myshopify domain. */
  shop: string;
  databaseUrl: string;
  /** The app's client id and secret: sign session tokens with them (HS256). */
  apiKey: string;
  apiSecret: string;
  /** Where the app server's own logs go. */
  appLogFile: string;
  /** The app as the frame opens it (a document URL with a fresh id_token), e.g. for a browser test. */
  appDocumentUrl(path?: string, locale?: "en" | "ja"): string;
  stop(): Promise<void>;
}

export async function startDemo(options: DemoOptions): Promise<Demo> {
  const log = options.log ?? (() => undefined);
  const given = options.databaseUrl ?? DEMO_DATABASE_URL;
  // One file for every process whatever its working directory (relative paths are the repository's).
  const databaseUrl = databaseKind(given) === "sqlite" ? `file:${sqliteFile(given)}` : given;
  const app = { apiKey: "tsuzuku-demo", apiSecret: randomBytes(24).toString("hex"), name: APP_NAME };
  const cleanups: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  };

  try {
    const started = Date.now();
    const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
    log(`database: migrating ${databaseUrl} afresh`);
    freshDatabase(databaseUrl);
    const serverBuild = await demoBuild(log);

    log(`shop: generating ${options.orders.toLocaleString("en-US")} orders (seed ${options.seed}, JPY, Asia/Tokyo)`);
    const store = new MutableShopStore(generateShop({ orders: options.orders, seed: options.seed, currency: "JPY", timezone: "Asia/Tokyo", domain: DEMO_SHOP_DOMAIN }));
    const shop = store.shop.domain;

    const appPort = await freePort();
    const appUrl = `http://localhost:${appPort}`;
    const emulator: ShopifyEmulator = await startShopifyEmulator({
      shops: [store],
      app: { apiKey: app.apiKey, apiSecret: app.apiSecret, scopes: configuredScopes().split(",").map((s) => s.trim()), url: appUrl },
    });
    cleanups.push(() => emulator.close());
    log(`emulator: ${store.shop.name} (${shop}) on ${emulator.url}`);

    const frame: AdminFrame = await startAdminFrame({ port: options.port ?? 0, app: { ...app, url: appUrl }, shop: { domain: shop, name: store.shop.name } });
    cleanups.push(() => frame.close());

    const appLogFile = path.join(tmpdir(), `tsuzuku-demo-app-${process.pid}-${appPort}.log`);
    const server: AppServer = await startAppServer({
      serverBuild,
      port: appPort, apiKey: app.apiKey, apiSecret: app.apiSecret, databaseUrl, emulatorUrl: emulator.url, adminUrl: frame.url, logFile: appLogFile,
    });
    cleanups.push(() => server.stop());
    const stopped = () => server.exited;
    log(`app: serving on ${appUrl} (log ${appLogFile})`);

    // The merchant opens the app in admin: the first document load exchanges the session token for an
    // offline access token, and afterAuth records the shop and enqueues the backfills.
    const db: Db = createDb(databaseUrl);
    cleanups.push(() => db.$disconnect());
    const opened = await browserFetch(frame.appDocumentUrl("/app", "en"));
    const installed = await db.session.count({ where: { shop, isOnline: false } });
    if (!installed) throw new Error(`installing through token exchange: /app answered ${opened.status} and no session was stored (app log ${appLogFile})`);
    // The install is the session; a page that fails to render is the page's problem, shown in the app log.
    if (opened.status !== 200) log(`warning: /app answered ${opened.status} (see ${appLogFile})`);
    log("installed through token exchange; the backfill runs in the app's job queue");

    await waitForBackfills(db, shop, log, stopped);
    await waitForSyncSnapshots(db, shop, stopped);
    log(`metrics snapshot stored (${seconds()})`);

    const config = await createAndPublishSurveys({ app: { ...app, url: appUrl }, shop }, emulator.contexts.get(shop)!);
    log(`surveys: ${config.surveys.length} created and activated through the admin routes, published to the shop's metafield`);
    const answered = await answerSurveys({ db, app, shop, config, seed: options.seed, progress: (sent) => log(`  answers ${sent.toLocaleString("en-US")} sent`) });
    if (answered.failed > answered.answers / 20) throw new Error(`the answer endpoint refused ${answered.failed} of ${answered.answers} answers`);
    log(`surveys: ${answered.responders.toLocaleString("en-US")} shoppers sent ${answered.answers.toLocaleString("en-US")} answers to /api/survey-answers`);

    const answeredAt = new Date();
    await enqueueSnapshot(databaseUrl, shop);
    await waitForSnapshot(db, shop, answeredAt, stopped);
    log(`metrics snapshot with the answers stored; ready in ${seconds()}`);

    return {
      frameUrl: `${frame.url}/`,
      appUrl,
      shop,
      databaseUrl,
      apiKey: app.apiKey,
      apiSecret: app.apiSecret,
      appLogFile,
      appDocumentUrl: frame.appDocumentUrl,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Enqueues the app's metrics job as any process sharing its queue does; the app's worker runs it. */
async function enqueueSnapshot(databaseUrl: string, shop: string): Promise<void> {
  const queueDb = createDb(databaseUrl);
  const queue = await createJobQueue(databaseUrl, { db: queueDb, registry: new JobRegistry(snapshotJobs({ db: queueDb })), logger: pino({ level: "silent" }) });
  try {
    await queue.start();
    await queue.enqueue("metrics.snapshot", { shop }, { shop });
  } finally {
    await queue.stop();
    await queueDb.$disconnect();
  }
}
