// POST /admin/api/{version}/graphql.json as a library call: parse, validate against the real
// schema, check connection windows, price the query, take it from the shop's bucket, execute with
// the emulator's field maps, refund the difference between requested and actual cost.
import {
  type GraphQLError, Kind, TypeInfo, execute, getArgumentValues, getNamedType, getVariableValues, parse, validate, visit,
  visitWithTypeInfo, type DocumentNode, type FragmentDefinitionNode, type GraphQLFieldResolver, type OperationDefinitionNode,
} from "graphql";
import type { AdminContext } from "./context";
import { isConnectionSource, pageResult } from "./connections";
import { isConnectionType, queryCost } from "./cost";
import { syntaxErrorToShopify, validationErrorsToShopify, variableErrorToShopify, type ShopifyError } from "./errors";
import { taggedType, type FieldEnv } from "./fields/field-map";
import { resolveField } from "./fields/index";
import { ADMIN_API_VERSION, adminSchema } from "./schema";
import type { SearchWarning } from "./search-query";
import { SINGLE_QUERY_MAX_COST, type ThrottleStatus } from "./throttle";

export interface AdminGraphQLRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  /** The {version} of the request path; decides version-dependent limits (bulk concurrency). */
  apiVersion?: string;
}

export interface QueryCostExtension {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

export interface AdminGraphQLBody {
  errors?: ShopifyError[];
  data?: Record<string, unknown> | null;
  extensions?: {
    cost: QueryCostExtension;
    search?: { path: (string | number)[]; query: string; warnings: SearchWarning[] }[];
  };
}

export interface AdminGraphQLResponse {
  /** Shopify answers 200 for GraphQL errors, validation failures and THROTTLED alike. */
  status: number;
  body: AdminGraphQLBody;
}

const RATE_LIMIT_DOCS = "https://shopify.dev/api/usage/rate-limits";

interface RequestState {
  ctx: AdminContext;
  apiVersion: string;
  search: NonNullable<NonNullable<AdminGraphQLBody["extensions"]>["search"]>;
}

const fieldResolver: GraphQLFieldResolver<unknown, RequestState> = (source, args, state, info) => {
  const path: (string | number)[] = [];
  for (let p: typeof info.path | undefined = info.path; p; p = p.prev) path.unshift(p.key);
  const env: FieldEnv = {
    ctx: state.ctx,
    path,
    apiVersion: state.apiVersion,
    warnSearch: (at, query, warnings) => state.search.push({ path: [...at], query, warnings }),
  };
  const value = resolveField(info.parentType.name, info.fieldName, source, args, env);
  return isConnectionSource(value) ? pageResult(value.page(args)) : value;
};

/** Connections need `first` or `last`, not both — checked before execution, as Shopify does (live 2026-04). */
function connectionWindowErrors(document: DocumentNode, variables: Record<string, unknown>): ShopifyError[] {
  const schema = adminSchema();
  const typeInfo = new TypeInfo(schema);
  const errors: ShopifyError[] = [];
  const names: string[] = [];
  visit(document, visitWithTypeInfo(typeInfo, {
    Field: {
      enter(node) {
        names.push(node.alias?.value ?? node.name.value);
        const def = typeInfo.getFieldDef();
        if (!def || !isConnectionType(getNamedType(def.type))) return;
        if (!def.args.some((a) => a.name === "first")) return;
        const args = getArgumentValues(def, node, variables);
        const hasFirst = args.first !== undefined && args.first !== null;
        const hasLast = args.last !== undefined && args.last !== null;
        const message = !hasFirst && !hasLast ? "you must provide one of first or last" : hasFirst && hasLast ? "providing both first and last is not supported" : null;
        if (message) {
          errors.push({ message, locations: node.loc ? [{ line: node.loc.startToken.line, column: node.loc.startToken.column }] : undefined, extensions: { code: "BAD_REQUEST" }, path: [...names] });
        }
      },
      leave() {
        names.pop();
      },
    },
  }));
  return errors;
}

function maxCostError(cost: number): ShopifyError {
  // Shopify's wording, as relayed in https://github.com/Shopify/shopify-app-js/issues/577.
  return {
    message:
      `Query cost is ${cost}, which exceeds the single query max cost limit (${SINGLE_QUERY_MAX_COST}).\n\n` +
      "See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\n" +
      "cost of a query is calculated.\n\n" +
      "To query larger amounts of data with fewer limits, bulk operations should be used instead.\n" +
      "See https://shopify.dev/api/usage/bulk-operations/queries for usage details.\n",
    extensions: { code: "MAX_COST_EXCEEDED", cost, maxCost: SINGLE_QUERY_MAX_COST, documentation: RATE_LIMIT_DOCS },
  };
}

function toShopifyError(error: GraphQLError): ShopifyError {
  const out: ShopifyError = { message: error.message };
  if (error.locations) out.locations = [...error.locations];
  if (error.path) out.path = [...error.path];
  if (error.extensions && Object.keys(error.extensions).length) out.extensions = { ...error.extensions };
  return out;
}

export async function executeAdminGraphQL(ctx: AdminContext, request: AdminGraphQLRequest): Promise<AdminGraphQLResponse> {
  const schema = adminSchema();
  const ok = (body: AdminGraphQLBody): AdminGraphQLResponse => ({ status: 200, body });
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    return ok({ errors: [syntaxErrorToShopify(error as GraphQLError)] });
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = request.operationName ? operations.find((o) => o.name?.value === request.operationName) : operations.length === 1 ? operations[0] : undefined;
  const validationErrors = validate(schema, document);
  if (validationErrors.length) return ok({ errors: validationErrorsToShopify(validationErrors, document, operation) });
  if (!operation) {
    const message = request.operationName ? `Unknown operation named "${request.operationName}".` : "An operation name is required";
    return ok({ errors: [{ message, extensions: { code: "BAD_REQUEST" } }] });
  }
  const rawVariables = request.variables ?? {};
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  if (coerced.errors) return ok({ errors: coerced.errors.map((e) => variableErrorToShopify(e, rawVariables)) });
  const variables = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  const requested = queryCost(schema, operation, fragments, variables);
  const startedAt = ctx.now();
  const cost = (actual: number | null): QueryCostExtension => ({
    requestedQueryCost: requested,
    actualQueryCost: actual,
    throttleStatus: ctx.throttle.status(ctx.now()),
  });
  if (requested > SINGLE_QUERY_MAX_COST) return ok({ errors: [maxCostError(requested)], extensions: { cost: cost(null) } });
  if (!ctx.throttle.tryTake(requested, startedAt)) {
    return ok({
      errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: RATE_LIMIT_DOCS } }],
      extensions: { cost: cost(null) },
    });
  }
  const windowErrors = connectionWindowErrors(document, variables);
  if (windowErrors.length) {
    const actual = Math.min(requested, 2);
    ctx.throttle.giveBack(requested - actual, ctx.now());
    return ok({ errors: windowErrors, data: null, extensions: { cost: cost(actual) } });
  }

  const state: RequestState = { ctx, apiVersion: request.apiVersion ?? ADMIN_API_VERSION, search: [] };
  const result = await execute({
    schema,
    document,
    operationName: operation.name?.value,
    variableValues: rawVariables,
    contextValue: state,
    fieldResolver,
    typeResolver: (value) => taggedType(value),
  });
  const data = (result.data ?? null) as Record<string, unknown> | null;
  const actual = Math.min(requested, queryCost(schema, operation, fragments, variables, data));
  ctx.throttle.giveBack(requested - actual, ctx.now());
  const extensions: AdminGraphQLBody["extensions"] = { cost: cost(actual) };
  if (state.search.length) extensions.search = state.search;
  if (result.errors?.length) return ok({ errors: result.errors.map(toShopifyError), data, extensions });
  return ok({ data, extensions });
}
