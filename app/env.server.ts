// The app's environment, validated once at start-up. A missing or malformed variable stops the app with
// one line per variable naming it, instead of failing later inside the Shopify library.
import { z } from "zod";
import { databaseKind, DEFAULT_DATABASE_URL } from "./db/database-url";

const required = (what: string) =>
  z.string({ required_error: `is not set (${what})` }).min(1, `is empty (${what})`);

const envSchema = z.object({
  SHOPIFY_API_KEY: required("the app's client id"),
  SHOPIFY_API_SECRET: required("the app's client secret"),
  SHOPIFY_APP_URL: required("the app's public URL").url("must be a URL, e.g. https://tsuzuku.example.com"),
  SCOPES: required("comma-separated access scopes, as in shopify.app.toml")
    .transform((value) => value.split(",").map((scope) => scope.trim()).filter(Boolean)),
  DATABASE_URL: z
    .string()
    .default(DEFAULT_DATABASE_URL)
    .refine(isKnownDatabaseUrl, "must start with file: (SQLite) or postgres:// (PostgreSQL)"),
  SHOP_CUSTOM_DOMAIN: z.string().optional(),
  // Tests and demo mode: the local Shopify emulator that receives the Shopify library's traffic
  // (app/shopify/emulator-fetch.server.ts). Unset in production.
  SHOPIFY_ADMIN_EMULATOR_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().refine(isHttpUrl, "must be an http(s) URL, e.g. http://127.0.0.1:4321").optional(),
  ),
  // Demo mode only (`npm run demo`): the local stand-in for Shopify admin, which frames the app and also
  // serves what the app would load from Shopify's CDN (App Bridge's script, the admin font).
  TSUZUKU_DEMO_ADMIN_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().refine(isHttpUrl, "must be an http(s) URL, e.g. http://localhost:3456").optional(),
  ),
  TSUZUKU_DEMO_MODE: z.enum(["0", "1"], { message: "must be 1 or 0" }).optional(),
  NODE_ENV: z.string().optional(),
}).superRefine((env, ctx) => {
  // A production app pointed at an emulator would serve invented data as a real shop's.
  if (env.SHOPIFY_ADMIN_EMULATOR_URL && env.NODE_ENV === "production" && env.TSUZUKU_DEMO_MODE !== "1") {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["SHOPIFY_ADMIN_EMULATOR_URL"],
      message: "is refused when NODE_ENV=production (set TSUZUKU_DEMO_MODE=1 to run a demo against the emulator)",
    });
  }
  if (env.TSUZUKU_DEMO_ADMIN_URL && env.NODE_ENV === "production" && env.TSUZUKU_DEMO_MODE !== "1") {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["TSUZUKU_DEMO_ADMIN_URL"],
      message: "is refused when NODE_ENV=production (set TSUZUKU_DEMO_MODE=1 for the offline demo)",
    });
  }
});

export type AppEnv = z.infer<typeof envSchema>;

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

function isKnownDatabaseUrl(url: string): boolean {
  try {
    databaseKind(url);
    return true;
  } catch {
    return false;
  }
}

export class InvalidEnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
    this.name = "InvalidEnvError";
  }
}

/** Parses the given environment; throws InvalidEnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): AppEnv {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  throw new InvalidEnvError(result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
}
