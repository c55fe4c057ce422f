// metafieldsSet and Shop.metafield for app-owned metafields on the shop, as Tsuzuku's survey builder
// writes them for its checkout extension. The `$app` namespace is the calling app's reserved namespace
// (`app--{id}` on Shopify); the emulator serves one app, so it keeps `$app` as written. Values live beside
// the shop store for the life of the emulator, as metafields are not part of the generated shop.
import type { ShopStore } from "../../store/types";
import { gid } from "../gid";
import type { FieldMap } from "../fields/field-map";
import type { EmShop } from "../../store/types";

export interface MetafieldRecord {
  id: string;
  ownerId: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  createdAt: string;
  updatedAt: string;
}

const metafieldsByStore = new WeakMap<object, Map<string, MetafieldRecord>>();

function metafieldsOf(store: ShopStore): Map<string, MetafieldRecord> {
  let metafields = metafieldsByStore.get(store);
  if (!metafields) metafieldsByStore.set(store, (metafields = new Map()));
  return metafields;
}

interface MetafieldsSetInput {
  ownerId: string;
  namespace?: string | null;
  key: string;
  type?: string | null;
  value: string;
}

let nextId = 1;

export const metafieldMutations: FieldMap<unknown> = {
  metafieldsSet: (_root, args, env) => {
    const inputs = args.metafields as MetafieldsSetInput[];
    const shopId = gid("Shop", env.ctx.store.shop.id);
    const userErrors: Array<{ field: string[]; message: string; code: string }> = [];
    if (inputs.length > 25) userErrors.push({ field: ["metafields"], message: "Exceeded the maximum metafields input limit of 25.", code: "LESS_THAN_OR_EQUAL_TO" });
    inputs.forEach((input, index) => {
      if (input.ownerId !== shopId) userErrors.push({ field: ["metafields", String(index), "ownerId"], message: "Owner does not exist.", code: "INVALID" });
      if (!input.type) userErrors.push({ field: ["metafields", String(index), "type"], message: "Type can't be blank", code: "BLANK" });
      if (input.type === "json") {
        try {
          JSON.parse(input.value);
        } catch {
          userErrors.push({ field: ["metafields", String(index), "value"], message: "Value is invalid JSON.", code: "INVALID_VALUE" });
        }
      }
    });
    // All or nothing, as on Shopify.
    if (userErrors.length) return { metafields: null, userErrors };
    const metafields = metafieldsOf(env.ctx.store);
    const now = new Date(env.ctx.now()).toISOString();
    const written = inputs.map((input) => {
      const namespace = input.namespace ?? "$app";
      const key = `${input.ownerId}\u0000${namespace}\u0000${input.key}`;
      const existing = metafields.get(key);
      const record: MetafieldRecord = {
        id: existing?.id ?? gid("Metafield", nextId++),
        ownerId: input.ownerId,
        namespace,
        key: input.key,
        type: input.type!,
        value: input.value,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      metafields.set(key, record);
      return record;
    });
    return { metafields: written, userErrors: [] };
  },
};

export const shopMetafieldFields: FieldMap<EmShop> = {
  metafield: (shop, args, env) =>
    metafieldsOf(env.ctx.store).get(`${gid("Shop", shop.id)}\u0000${(args.namespace as string | undefined) ?? "$app"}\u0000${args.key as string}`) ?? null,
};

export const metafieldFields: FieldMap<MetafieldRecord> = {
  id: (m) => m.id,
  namespace: (m) => m.namespace,
  key: (m) => m.key,
  type: (m) => m.type,
  value: (m) => m.value,
  jsonValue: (m) => (m.type === "json" ? JSON.parse(m.value) : m.value),
  createdAt: (m) => m.createdAt,
  updatedAt: (m) => m.updatedAt,
};

export const metafieldsSetUserErrorFields: FieldMap<{ field: string[]; message: string; code: string }> = {
  field: (e) => e.field,
  message: (e) => e.message,
  code: (e) => e.code,
};
