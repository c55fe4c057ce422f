// Request-level errors in the words Shopify uses. Shopify runs graphql-ruby, so a document that
// misuses the schema is answered with graphql-ruby messages and codes, HTTP 200, and no `data` or
// cost (live 2025-01 captures in airhorns/shopify-draft-proxy fixtures/conformance/
// harry-test-heelo.myshopify.com/2025-01/admin-platform/graphql-base-validation-unhappy-paths.json):
//   {"message":"Field 'definitelyNotAnOrderField' doesn't exist on type 'Order'",
//    "locations":[{"line":5,"column":7}],
//    "path":["query Name","orders","nodes","definitelyNotAnOrderField"],
//    "extensions":{"code":"undefinedField","typeName":"Order","fieldName":"definitelyNotAnOrderField"}}
// graphql-js validates the same rules; this file rewrites its messages into Shopify's.
import { Kind, visit, type DocumentNode, type GraphQLError, type OperationDefinitionNode, type ASTNode } from "graphql";

export interface ShopifyError {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

export function operationLabel(operation: OperationDefinitionNode | undefined): string {
  if (!operation) return "query";
  return operation.name ? `${operation.operation} ${operation.name.value}` : operation.operation;
}

/** Field-name path from the operation root to each field node, as graphql-ruby reports it. */
function fieldPaths(document: DocumentNode): Map<ASTNode, string[]> {
  const paths = new Map<ASTNode, string[]>();
  const stack: string[] = [];
  visit(document, {
    Field: {
      enter(node) {
        stack.push(node.name.value);
        paths.set(node, [...stack]);
      },
      leave() {
        stack.pop();
      },
    },
  });
  return paths;
}

export function syntaxErrorToShopify(error: GraphQLError): ShopifyError {
  const location = error.locations?.[0] ?? { line: 1, column: 1 };
  const detail = /<EOF>/.test(error.message)
    ? "unexpected end of file"
    : error.message.replace(/^Syntax Error: /, "").replace(/\.$/, "").replace(/^./, (c) => c.toLowerCase());
  return {
    message: `syntax error, ${detail} at [${location.line}, ${location.column}]`,
    locations: [location],
    extensions: { code: "PARSE_ERROR" },
  };
}

export function validationErrorsToShopify(errors: readonly GraphQLError[], document: DocumentNode, operation: OperationDefinitionNode | undefined): ShopifyError[] {
  const paths = fieldPaths(document);
  const label = operationLabel(operation);
  const missingArgs = new Map<ASTNode, { field: string; args: string[]; error: GraphQLError }>();
  const out: ShopifyError[] = [];
  for (const error of errors) {
    const node = error.nodes?.[0];
    const base = {
      locations: error.locations ? [...error.locations] : undefined,
      path: node && paths.has(node) ? [label, ...paths.get(node)!] : undefined,
    };
    let m: RegExpExecArray | null;
    if ((m = /^Cannot query field "(\w+)" on type "(\w+)"\./.exec(error.message))) {
      out.push({ message: `Field '${m[1]}' doesn't exist on type '${m[2]}'`, ...base, extensions: { code: "undefinedField", typeName: m[2], fieldName: m[1] } });
    } else if ((m = /^Field "(\w+)" of type "([^"]+)" must have a selection of subfields/.exec(error.message))) {
      const typeName = m[2].replace(/[[\]!]/g, "");
      out.push({
        message: `Field must have selections (field '${m[1]}' returns ${typeName} but has no selections. Did you mean '${m[1]} { ... }'?)`,
        ...base,
        extensions: { code: "selectionMismatch", nodeName: `field '${m[1]}'`, typeName },
      });
    } else if ((m = /^Field "(\w+)" argument "(\w+)" of type "[^"]+" is required, but it was not provided\./.exec(error.message)) && node) {
      const entry = missingArgs.get(node) ?? { field: m[1], args: [], error };
      entry.args.push(m[2]);
      if (!missingArgs.has(node)) {
        missingArgs.set(node, entry);
        out.push({ message: "", ...base, extensions: { code: "missingRequiredArguments", className: "Field", name: m[1], arguments: "" } });
        (out[out.length - 1] as ShopifyError & { pending?: ASTNode }).pending = node;
      }
    } else if ((m = /^Unknown argument "(\w+)" on field "\w+\.(\w+)"\./.exec(error.message))) {
      out.push({
        message: `Field '${m[2]}' doesn't accept argument '${m[1]}'`,
        ...base,
        extensions: { code: "argumentNotAccepted", name: m[2], typeName: "Field", argumentName: m[1] },
      });
    } else if ((m = /^Variable "\$(\w+)" is never used in operation "(\w+)"\./.exec(error.message))) {
      out.push({ message: `Variable $${m[1]} is declared by ${m[2]} but not used`, ...base, extensions: { code: "variableNotUsed", variableName: m[1] } });
    } else {
      out.push({ message: error.message, ...base });
    }
  }
  for (const e of out as (ShopifyError & { pending?: ASTNode })[]) {
    if (!e.pending) continue;
    const entry = missingArgs.get(e.pending)!;
    e.message = `Field '${entry.field}' is missing required arguments: ${entry.args.join(", ")}`;
    e.extensions = { ...e.extensions, arguments: entry.args.join(", ") };
    delete e.pending;
  }
  return out.map((e) => (e.path ? e : { message: e.message, locations: e.locations, extensions: e.extensions }));
}

/** graphql-js variable coercion errors → Shopify's INVALID_VARIABLE shape. */
export function variableErrorToShopify(error: GraphQLError, variables: Record<string, unknown>): ShopifyError {
  const m = /^Variable "\$(\w+)" (?:of (?:required |non-null )?type "([^"]+)")?/.exec(error.message);
  if (!m) return { message: error.message, locations: error.locations ? [...error.locations] : undefined };
  const name = m[1];
  const declared = error.nodes?.[0]?.kind === Kind.VARIABLE_DEFINITION ? error.nodes[0] : undefined;
  const typeText = m[2] ?? (declared ? printTypeNode(declared.type) : "");
  const explanation = /was not provided|must not be null/.test(error.message)
    ? "Expected value to not be null"
    : error.message.replace(/^Variable "\$\w+" got invalid value .*?; /, "");
  return {
    message: `Variable $${name} of type ${typeText} was provided invalid value`,
    locations: error.locations ? [...error.locations] : undefined,
    extensions: { code: "INVALID_VARIABLE", value: variables[name] ?? null, problems: [{ path: [], explanation }] },
  };
}

function printTypeNode(node: { kind: Kind; name?: { value: string }; type?: unknown }): string {
  if (node.kind === Kind.NON_NULL_TYPE) return `${printTypeNode(node.type as never)}!`;
  if (node.kind === Kind.LIST_TYPE) return `[${printTypeNode(node.type as never)}]`;
  return node.name?.value ?? "";
}
