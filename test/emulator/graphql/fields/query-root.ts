// QueryRoot: the read entry points the app uses, plus node/nodes for the types the emulator serves.
import { GraphQLError } from "graphql";
import { looksLikeGid, parseGid } from "../gid";
import {
  bulkOperationsConnection, contractsConnection, customersConnection, ordersConnection, ordersCount,
} from "../resources";
import { notImplemented, tagType, type FieldEnv, type FieldMap } from "./field-map";
import { topicEnum, webhookSubscriptionsArray } from "./shop";

function invalidGlobalId(value: string): GraphQLError {
  return new GraphQLError(`Invalid global id '${value}'`, {
    extensions: { code: "argumentLiteralsIncompatible", typeName: "CoercionError" },
  });
}

/** Live 2026-04: a well-formed GID of another type answers RESOURCE_NOT_FOUND "Invalid id: …". */
function idOf(value: unknown, type: string): number {
  const text = String(value);
  if (!looksLikeGid(text)) throw invalidGlobalId(text);
  const parsed = parseGid(text);
  if (!parsed || parsed.type !== type) {
    throw new GraphQLError(`Invalid id: ${text}`, { extensions: { code: "RESOURCE_NOT_FOUND" } });
  }
  return parsed.id;
}

/** The record behind any GID the emulator serves, tagged with its GraphQL type; null when unknown. */
export function nodeById(value: string, env: FieldEnv): object | null {
  if (!looksLikeGid(value)) throw invalidGlobalId(value);
  const parsed = parseGid(value);
  if (!parsed) return null;
  const { store, bulk } = env.ctx;
  const found = (() => {
    switch (parsed.type) {
      case "Order": return store.getOrder(parsed.id);
      case "Customer": return store.getCustomer(parsed.id);
      case "SubscriptionContract": return store.getContract(parsed.id);
      case "BulkOperation": return bulk.get(parsed.id);
      case "Shop": return parsed.id === store.shop.id ? { ...store.shop } : undefined;
      default: return undefined;
    }
  })();
  return found ? tagType(found, parsed.type) : null;
}

export const queryRootFields: FieldMap<unknown> = {
  shop: (_root, _args, env) => env.ctx.store.shop,
  order: (_root, args, env) => env.ctx.store.getOrder(idOf(args.id, "Order")) ?? null,
  orders: (_root, args, env) => ordersConnection(args, env),
  ordersCount: (_root, args, env) => ordersCount(args, env),
  customer: (_root, args, env) => env.ctx.store.getCustomer(idOf(args.id, "Customer")) ?? null,
  customers: (_root, args, env) => customersConnection(args, env),
  subscriptionContract: (_root, args, env) => env.ctx.store.getContract(idOf(args.id, "SubscriptionContract")) ?? null,
  subscriptionContracts: (_root, args, env) => contractsConnection(args, env),
  bulkOperation: (_root, args, env) => env.ctx.bulk.get(idOf(args.id, "BulkOperation")) ?? null,
  bulkOperations: (_root, args, env) => bulkOperationsConnection(args, env),
  // Deprecated in 2026-07 ("Use `bulkOperations` with status filter instead") but still served:
  // the newest operation of the type.
  currentBulkOperation: (_root, args, env) => {
    const type = (args.type as string | undefined) ?? "QUERY";
    return env.ctx.bulk.list().find((op) => op.type === type) ?? null;
  },
  webhookSubscriptions: (_root, args, env) => {
    if (args.query) throw notImplemented("QueryRoot", "webhookSubscriptions(query:)");
    const topics = args.topics as string[] | undefined;
    const uri = (args.uri ?? args.callbackUrl) as string | undefined;
    return webhookSubscriptionsArray(
      env.ctx
        .webhookSubscriptions()
        .filter((w) => (!topics || topics.includes(topicEnum(w.topic))) && (!uri || w.uri === uri) && (!args.format || (w.format ?? "JSON") === args.format)),
    );
  },
  node: (_root, args, env) => nodeById(String(args.id), env),
  nodes: (_root, args, env) => (args.ids as string[]).map((id) => nodeById(id, env)),
  // orderCancel answers with a Job; the emulator applies cancellations at once, so jobs are done.
  job: (_root, args) => ({ id: String(args.id), done: true, query: {} }),
};
