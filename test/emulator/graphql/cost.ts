// Calculated query cost, before execution (requested) and from the result (actual).
//
// Documented defaults (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits): scalars
// and enums 0, objects 1, interfaces/unions the most expensive selection, connections sized by
// `first`/`last`, mutations 10, at most 1,000 per query. The sizes below were fitted to live
// 2026-04 costs recorded in airhorns/shopify-draft-proxy fixtures, which are sub-linear in page size:
// products(first:250){nodes{id}} → 13, bulkOperations(first:50) → 9, (first:10) → 6, (first:5) → 5,
// (first:1) → 3, and paymentCustomizations(first:250){… metafields(first:250){nodes}} → 189 =
// 2 + 11 × (1 + 1 + 1 + 1 + (2 + 11)). So a connection costs 2 + f(n) × (cost of one node incl. its
// own 1), f(n) = max(1, ⌊2·ln n⌋); MoneyBag/MoneyV2 cost 0 (order(id){…Set{shopMoney{…}}} → 1);
// root `*Count` fields cost 10 (ordersCount → 10); a mutation costs 10 and its payload's direct
// objects are free (orderCreate{order{id lineItems(first:5){…}}} → 15, bulkOperationRunQuery → 10).
import {
  Kind, getArgumentValues, getNamedType, isAbstractType, isLeafType, isObjectType, type FieldNode, type FragmentDefinitionNode,
  type GraphQLCompositeType, type GraphQLField, type GraphQLNamedType, type GraphQLSchema, type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

export function connectionSizeFactor(n: number): number {
  return n <= 0 ? 0 : Math.max(1, Math.floor(2 * Math.log(n)));
}

const FREE_TYPES = new Set(["MoneyBag", "MoneyV2", "PageInfo"]);

export function isConnectionType(type: GraphQLNamedType): boolean {
  return isObjectType(type) && type.name.endsWith("Connection") && "edges" in type.getFields();
}

interface CostEnv {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

type Data = unknown;
const MISSING = Symbol("requested");

/** Fields of a selection set grouped by concrete type condition (undefined = applies to all). */
function flatten(env: CostEnv, set: SelectionSetNode, condition?: string): { field: FieldNode; condition?: string }[] {
  return set.selections.flatMap((s) => {
    if (s.kind === Kind.FIELD) return [{ field: s, condition }];
    const fragment = s.kind === Kind.INLINE_FRAGMENT ? s : env.fragments.get(s.name.value);
    if (!fragment) return [];
    return flatten(env, fragment.selectionSet, fragment.typeCondition?.name.value ?? condition);
  });
}

function fieldOf(env: CostEnv, type: GraphQLCompositeType, name: string, condition?: string) {
  const owner = condition ? env.schema.getType(condition) : type;
  return owner && "getFields" in owner ? (owner.getFields()[name] as GraphQLField<unknown, unknown> | undefined) : undefined;
}

function selectionCost(env: CostEnv, set: SelectionSetNode | undefined, type: GraphQLCompositeType, data: Data | typeof MISSING): number {
  if (!set) return 0;
  const byCondition = new Map<string, number>();
  for (const { field, condition } of flatten(env, set)) {
    const def = fieldOf(env, type, field.name.value, condition);
    if (!def) continue;
    const key = field.alias?.value ?? field.name.value;
    const value = data === MISSING ? MISSING : data && typeof data === "object" ? (data as Record<string, unknown>)[key] : undefined;
    if (data !== MISSING && condition && value === undefined) continue; // fragment did not apply
    const c = condition ?? "";
    byCondition.set(c, (byCondition.get(c) ?? 0) + fieldCost(env, def, field, value));
  }
  // An abstract selection costs the most expensive concrete branch plus what applies to all.
  const common = byCondition.get("") ?? 0;
  byCondition.delete("");
  return common + Math.max(0, ...byCondition.values());
}

function fieldCost(env: CostEnv, def: GraphQLField<unknown, unknown>, node: FieldNode, value: Data | typeof MISSING): number {
  const named = getNamedType(def.type);
  if (isLeafType(named) || FREE_TYPES.has(named.name)) return 0;
  const composite = named as GraphQLCompositeType;
  if (isConnectionType(named)) return connectionCost(env, def, node, composite, value);
  if (value === null || value === undefined) return 1;
  if (Array.isArray(value)) {
    // A list of objects costs like one object (the documented per-field cost), children at their worst.
    return 1 + Math.max(0, ...value.map((item) => selectionCost(env, node.selectionSet, concrete(env, composite, item), item)));
  }
  return 1 + selectionCost(env, node.selectionSet, isAbstractType(composite) ? composite : composite, value);
}

function concrete(env: CostEnv, type: GraphQLCompositeType, item: Data): GraphQLCompositeType {
  const typename = item && typeof item === "object" ? (item as { __typename?: string }).__typename : undefined;
  const found = typename ? env.schema.getType(typename) : undefined;
  return (found as GraphQLCompositeType | undefined) ?? type;
}

function connectionCost(env: CostEnv, def: GraphQLField<unknown, unknown>, node: FieldNode, type: GraphQLCompositeType, value: Data | typeof MISSING): number {
  const fields = (type as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields();
  const nodeType = getNamedType(fields.nodes?.type ?? (getNamedType(fields.edges.type) as never as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields().node.type) as GraphQLCompositeType;
  const perNodeSets: { set: SelectionSetNode | undefined; items: Data[] | typeof MISSING }[] = [];
  for (const { field } of flatten(env, node.selectionSet!)) {
    const key = field.alias?.value ?? field.name.value;
    const raw = value === MISSING ? MISSING : (value as Record<string, unknown> | null)?.[key];
    if (field.name.value === "nodes") perNodeSets.push({ set: field.selectionSet, items: raw === MISSING ? MISSING : ((raw as Data[]) ?? []) });
    if (field.name.value === "edges") {
      for (const { field: edgeField } of flatten(env, field.selectionSet!)) {
        if (edgeField.name.value !== "node") continue;
        const edgeKey = edgeField.alias?.value ?? "node";
        perNodeSets.push({
          set: edgeField.selectionSet,
          items: raw === MISSING ? MISSING : ((raw as Record<string, Data>[] | null) ?? []).map((e) => e?.[edgeKey]),
        });
      }
    }
  }
  // `edges { node }` and `nodes` are each charged per node when both are selected (live: 8 for
  // bulkOperations(first:5){edges{cursor node{…}} nodes{…}}).
  let count: number;
  let perNode = 0;
  if (value === MISSING) {
    const args = getArgumentValues(def, node, env.variables);
    count = Number(args.first ?? args.last ?? 0);
    for (const { set } of perNodeSets) perNode += 1 + selectionCost(env, set, nodeType, MISSING);
  } else {
    if (value === null) return 2;
    count = 0;
    for (const { set, items } of perNodeSets) {
      const list = items as Data[];
      count = Math.max(count, list.length);
      perNode += 1 + Math.max(0, ...list.map((item) => selectionCost(env, set, concrete(env, nodeType, item), item)));
    }
    count = Math.max(count, 1);
  }
  return 2 + connectionSizeFactor(count) * Math.max(1, perNode);
}

/** Requested cost (data undefined) or actual cost (data = the execution result's data). */
export function queryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  data?: Record<string, unknown> | null,
): number {
  const env: CostEnv = { schema, fragments, variables };
  const requested = data === undefined;
  if (operation.operation === "mutation") {
    const root = schema.getMutationType()!;
    let total = 0;
    for (const { field } of flatten(env, operation.selectionSet)) {
      const def = root.getFields()[field.name.value];
      if (!def) continue;
      const payload = requested ? MISSING : data?.[field.alias?.value ?? field.name.value];
      const payloadType = getNamedType(def.type) as GraphQLCompositeType;
      let children = 0;
      if (field.selectionSet && payload !== null) {
        for (const { field: child } of flatten(env, field.selectionSet)) {
          const childDef = fieldOf(env, payloadType, child.name.value);
          if (!childDef) continue;
          const childValue = payload === MISSING ? MISSING : (payload as Record<string, unknown> | undefined)?.[child.alias?.value ?? child.name.value];
          const cost = fieldCost(env, childDef, child, childValue);
          // The payload's own objects are covered by the mutation's 10; what they select is not.
          children += isConnectionType(getNamedType(childDef.type)) || isLeafType(getNamedType(childDef.type)) ? cost : Math.max(0, cost - 1);
        }
      }
      total += 10 + children;
    }
    return total;
  }
  const root = schema.getQueryType()!;
  let total = 0;
  for (const { field } of flatten(env, operation.selectionSet)) {
    const def = root.getFields()[field.name.value];
    if (!def) continue;
    const value = requested ? MISSING : data?.[field.alias?.value ?? field.name.value];
    if (getNamedType(def.type).name === "Count") total += 10;
    else total += fieldCost(env, def, field, value);
  }
  return total;
}
