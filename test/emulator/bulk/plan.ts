// Checks a bulkOperationRunQuery document the way Shopify does and compiles it into a plan the
// projector runs per record. Rules and messages are live 2026-04 answers (airhorns/shopify-draft-proxy
// fixtures/conformance/harry-test-heelo.myshopify.com/2026-04/bulk-operations/
// bulk-operation-run-query-validators.json and …-user-error-codes.json) and the documented limits:
// at least one connection, at most five, nested at most two levels
// (https://shopify.dev/docs/api/usage/bulk-operations/queries).
import {
  type GraphQLError, Kind, getArgumentValues, getNamedType, isCompositeType, isListType, isNonNullType, isObjectType, parse,
  validate, type FieldNode, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLField, type GraphQLObjectType,
  type GraphQLSchema, type GraphQLType, type SelectionSetNode,
} from "graphql";
import { syntaxErrorToShopify, validationErrorsToShopify } from "../graphql/errors";

export interface PlannedField {
  key: string;
  name: string;
  args: Record<string, unknown>;
  /** Set for fields from a fragment on another type: applies only when the value is of that type. */
  typeCondition?: string;
  isList: boolean;
  sub?: PlannedSelection;
}

export interface PlannedSelection {
  typeName: string;
  fields: PlannedField[];
}

export interface NodePlan {
  selection: PlannedSelection;
  children: { fieldName: string; args: Record<string, unknown>; node: NodePlan }[];
}

export interface BulkPlan {
  rootField: string;
  rootArgs: Record<string, unknown>;
  node: NodePlan;
}

export interface BulkUserError {
  field: string[] | null;
  message: string;
  code: "INVALID" | "LIMIT_REACHED" | "OPERATION_IN_PROGRESS";
}

/** Roots whose rows the emulator can stream. */
export const BULK_ROOTS = new Set(["orders", "customers", "subscriptionContracts"]);
const MAX_QUERY_BYTES = 65_535;

const invalid = (message: string): BulkUserError => ({ field: ["query"], message, code: "INVALID" });

function isConnection(type: GraphQLType): boolean {
  const named = getNamedType(type);
  return isObjectType(named) && named.name.endsWith("Connection") && "edges" in named.getFields();
}

function unwrapIsList(type: GraphQLType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

export function planBulkQuery(schema: GraphQLSchema, query: string): { plan?: BulkPlan; errors: BulkUserError[] } {
  const bytes = Buffer.byteLength(query, "utf8");
  if (bytes > MAX_QUERY_BYTES) return { errors: [invalid(`Query is too large (${bytes} bytes; maximum is ${MAX_QUERY_BYTES} bytes)`)] };
  let document;
  try {
    document = parse(query);
  } catch (error) {
    const message = syntaxErrorToShopify(error as GraphQLError).message.replace(/ at \[\d+, \d+\]$/, "");
    return { errors: [invalid(`Invalid bulk query: ${message}`)] };
  }
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.operation !== "query") {
    return { errors: [invalid("Invalid operation type. Only `query` operations are supported.")] };
  }
  const schemaErrors = validate(schema, document);
  if (schemaErrors.length) {
    return { errors: validationErrorsToShopify(schemaErrors, document, operation).map((e) => invalid(`Invalid bulk query: ${e.message}`)) };
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  const errors: BulkUserError[] = [];
  let connections = 0;
  let tooDeep = false;
  let inListConnection = false;
  const viaNodes: string[] = [];
  const parentsWithoutId: string[] = [];
  const unsupported: string[] = [];

  const flatten = (set: SelectionSetNode, condition?: string): { field: FieldNode; condition?: string }[] =>
    set.selections.flatMap((s) => {
      if (s.kind === Kind.FIELD) return [{ field: s, condition }];
      const fragment = s.kind === Kind.INLINE_FRAGMENT ? s : fragments.get(s.name.value)!;
      return flatten(fragment.selectionSet, fragment.typeCondition?.name.value ?? condition);
    });

  const fieldDef = (type: GraphQLCompositeType, name: string, condition?: string): GraphQLField<unknown, unknown> | undefined => {
    const owner = condition ? (schema.getType(condition) as GraphQLObjectType) : type;
    return "getFields" in owner ? owner.getFields()[name] : undefined;
  };

  const compile = (
    set: SelectionSetNode,
    type: GraphQLCompositeType,
    depth: number,
    inList: boolean,
    children: NodePlan["children"] | undefined,
  ): PlannedSelection => {
    const fields: PlannedField[] = [];
    for (const { field, condition } of flatten(set)) {
      const key = field.alias?.value ?? field.name.value;
      if (field.name.value === "__typename") {
        fields.push({ key, name: "__typename", args: {}, typeCondition: condition, isList: false });
        continue;
      }
      const def = fieldDef(type, field.name.value, condition)!;
      const args = getArgumentValues(def, field, {});
      if (isConnection(def.type)) {
        connections++;
        if (inList) inListConnection = true;
        if (depth + 1 > 2) tooDeep = true;
        const node = connectionNode(field, def, depth + 1, key);
        if (children && node) children.push({ fieldName: field.name.value, args, node });
        else if (!children) unsupported.push(key);
        continue;
      }
      const named = getNamedType(def.type);
      const isList = unwrapIsList(def.type);
      const sub = isCompositeType(named) && field.selectionSet
        ? compile(field.selectionSet, named, depth, inList || isList, undefined)
        : undefined;
      fields.push({ key, name: field.name.value, args, typeCondition: condition, isList, sub });
    }
    return { typeName: type.name, fields };
  };

  const connectionNode = (field: FieldNode, def: GraphQLField<unknown, unknown>, depth: number, key: string): NodePlan | undefined => {
    const connectionType = getNamedType(def.type) as GraphQLObjectType;
    const nodeType = getNamedType(
      (getNamedType(connectionType.getFields().edges.type) as GraphQLObjectType).getFields().node.type,
    ) as GraphQLCompositeType;
    let nodeSelection: SelectionSetNode | undefined;
    for (const { field: sub } of flatten(field.selectionSet!)) {
      if (sub.name.value === "nodes") viaNodes.push(key);
      if (sub.name.value === "edges") {
        for (const { field: edgeField } of flatten(sub.selectionSet!)) if (edgeField.name.value === "node") nodeSelection = edgeField.selectionSet;
      }
    }
    if (!nodeSelection) return undefined;
    const children: NodePlan["children"] = [];
    const selection = compile(nodeSelection, nodeType, depth, false, children);
    const selectsId = nodeSelection.selections.some((s) => s.kind === Kind.FIELD && s.name.value === "id" && !s.alias);
    if (children.length && !selectsId) parentsWithoutId.push(key);
    return { selection, children };
  };

  const queryRoot = schema.getQueryType()!;
  const roots = flatten(operation.selectionSet);
  if (roots.some((r) => r.field.name.value === "node" || r.field.name.value === "nodes")) {
    errors.push(invalid("Bulk queries cannot contain a top level `node` field."));
  }
  let plan: BulkPlan | undefined;
  for (const { field } of roots) {
    const def = queryRoot.getFields()[field.name.value];
    if (field.name.value === "__typename" || !def) continue;
    if (isConnection(def.type)) {
      connections++;
      const node = connectionNode(field, def, 1, field.alias?.value ?? field.name.value);
      if (node && !plan) plan = { rootField: field.name.value, rootArgs: getArgumentValues(def, field, {}), node };
    } else if (isCompositeType(getNamedType(def.type)) && field.selectionSet) {
      compile(field.selectionSet, getNamedType(def.type) as GraphQLCompositeType, 0, unwrapIsList(def.type), undefined);
    }
  }
  if (connections === 0) errors.push(invalid("Bulk queries must contain at least one connection."));
  if (connections > 5) errors.push(invalid("Bulk queries cannot contain more than 5 connections."));
  if (tooDeep) errors.push(invalid("Bulk queries cannot contain connections with a nesting depth greater than 2."));
  if (inListConnection) errors.push(invalid("Queries that contain a connection field within a list field are not currently supported."));
  if (viaNodes.length) {
    const first = viaNodes[0];
    errors.push(invalid(
      `All connection fields in a bulk query must select their contents using 'edges' > 'node', e.g: '${first} { edges { node {'. Selecting via 'nodes' is not supported. Invalid connection fields: ${viaNodes.map((n) => `'${n}'`).join(", ")}.`,
    ));
  }
  if (parentsWithoutId.length) {
    errors.push(invalid(
      `The parent 'node' field for a nested connection must select the 'id' field without an alias and must be of 'ID' return type. Connection fields without 'id': ${parentsWithoutId.join(", ")}.`,
    ));
  }
  if (errors.length) return { errors };
  if (unsupported.length) {
    return { errors: [invalid(`The Shopify emulator only exports connections selected directly on a node (not ${unsupported.join(", ")}).`)] };
  }
  if (!plan || roots.length !== 1) {
    return { errors: [invalid("The Shopify emulator only runs bulk queries with a single top-level connection field.")] };
  }
  if (!BULK_ROOTS.has(plan.rootField)) {
    return { errors: [invalid(`The Shopify emulator does not implement bulk export of \`${plan.rootField}\` (it serves ${[...BULK_ROOTS].join(", ")}).`)] };
  }
  return { plan, errors: [] };
}
