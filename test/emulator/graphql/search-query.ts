// Shopify's search syntax for `query:` arguments (https://shopify.dev/docs/api/usage/search-syntax):
// terms `field:value`, comparators `field:>v`, `>=`, `<`, `<=`, quoted values ('…' or "…"),
// implicit AND between terms, explicit AND / OR, `-term` and NOT, parentheses. Dates must be quoted
// when they contain colons, e.g. updated_at:>'2026-01-01T00:00:00Z'.
import { GraphQLError } from "graphql";

export type Comparator = ":" | ">" | ">=" | "<" | "<=";

export type SearchNode =
  | { kind: "term"; field: string | null; comparator: Comparator; value: string }
  | { kind: "and"; children: SearchNode[] }
  | { kind: "or"; children: SearchNode[] }
  | { kind: "not"; child: SearchNode };

type Token = { kind: "(" | ")" | "AND" | "OR" | "NOT" } | { kind: "term"; negated: boolean; text: string };

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "(" || ch === ")") {
      tokens.push({ kind: ch });
      i++;
      continue;
    }
    let negated = false;
    if (ch === "-" && i + 1 < query.length && !/\s/.test(query[i + 1])) {
      negated = true;
      i++;
    }
    let text = "";
    while (i < query.length && !/\s/.test(query[i]) && query[i] !== ")" && !(query[i] === "(" && text === "")) {
      const c = query[i];
      if (c === "'" || c === '"') {
        const close = query.indexOf(c, i + 1);
        const end = close === -1 ? query.length : close;
        text += query.slice(i, end + 1);
        i = end + 1;
        continue;
      }
      if (c === "\\" && i + 1 < query.length) {
        text += query.slice(i, i + 2);
        i += 2;
        continue;
      }
      text += c;
      i++;
    }
    if (!negated && (text === "AND" || text === "OR" || text === "NOT")) tokens.push({ kind: text });
    else tokens.push({ kind: "term", negated, text });
  }
  return tokens;
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && (v[0] === "'" || v[0] === '"') && v[v.length - 1] === v[0]) return v.slice(1, -1).replace(/\\(.)/g, "$1");
  return v.replace(/\\(.)/g, "$1");
}

function parseTerm(text: string): SearchNode {
  const colon = /^([A-Za-z_][A-Za-z0-9_.]*):(>=|<=|>|<)?(.*)$/.exec(text);
  if (!colon) return { kind: "term", field: null, comparator: ":", value: unquote(text) };
  return { kind: "term", field: colon[1].toLowerCase(), comparator: (colon[2] as Comparator | undefined) ?? ":", value: unquote(colon[3]) };
}

/** Parses a query string; an empty query gives undefined (match everything). */
export function parseSearchQuery(query: string | null | undefined): SearchNode | undefined {
  if (!query || !query.trim()) return undefined;
  const tokens = tokenize(query);
  let pos = 0;
  // OR binds loosest, then AND (explicit or implied by adjacency), then NOT / '-'.
  const parseOr = (): SearchNode => {
    const children = [parseAnd()];
    while (tokens[pos]?.kind === "OR") {
      pos++;
      children.push(parseAnd());
    }
    return children.length === 1 ? children[0] : { kind: "or", children };
  };
  const parseAnd = (): SearchNode => {
    const children = [parseUnary()];
    for (;;) {
      const next = tokens[pos];
      if (!next || next.kind === "OR" || next.kind === ")") break;
      if (next.kind === "AND") pos++;
      children.push(parseUnary());
    }
    return children.length === 1 ? children[0] : { kind: "and", children };
  };
  const parseUnary = (): SearchNode => {
    const token = tokens[pos++];
    if (!token) throw new GraphQLError(`Invalid search query: ${query}`, { extensions: { code: "BAD_REQUEST" } });
    if (token.kind === "NOT") return { kind: "not", child: parseUnary() };
    if (token.kind === "(") {
      const inner = parseOr();
      if (tokens[pos]?.kind === ")") pos++;
      return inner;
    }
    if (token.kind === "term") {
      const term = parseTerm(token.text);
      return token.negated ? { kind: "not", child: term } : term;
    }
    return parseUnary();
  };
  return pos < tokens.length || tokens.length ? parseOr() : undefined;
}

/** How a resource answers one search field. */
export type SearchFieldType<R> =
  | { type: "date"; value: (id: number, row: () => R | undefined) => number | null | undefined }
  | { type: "number"; value: (id: number, row: () => R | undefined) => number | null | undefined }
  | { type: "string"; value: (row: R) => string | null | undefined }
  | { type: "tokens"; value: (row: R) => readonly string[] }
  | { type: "boolean"; value: (row: R) => boolean }
  | { type: "enum"; accepted: readonly string[]; matches: (row: R, value: string) => boolean };

export interface SearchWarning {
  field: string;
  message: string;
  code: "invalid_field" | "invalid_value";
}

export interface CompiledSearch<R> {
  matches: (id: number, row: () => R | undefined) => boolean;
  warnings: SearchWarning[];
}

/** Parses a date term value. Date-only values are whole days in the shop's time zone. */
export type DateParser = (value: string) => { start: number; end: number } | undefined;

export function compileSearch<R>(
  node: SearchNode | undefined,
  fields: Record<string, SearchFieldType<R>>,
  parseDate: DateParser,
  onInvalidDate: (field: string) => never,
): CompiledSearch<R> {
  const warnings: SearchWarning[] = [];
  type Test = (id: number, row: () => R | undefined) => boolean;
  const compile = (n: SearchNode): Test => {
    if (n.kind === "and" || n.kind === "or") {
      const tests = n.children.map(compile);
      return n.kind === "and" ? (id, row) => tests.every((t) => t(id, row)) : (id, row) => tests.some((t) => t(id, row));
    }
    if (n.kind === "not") {
      const test = compile(n.child);
      return (id, row) => !test(id, row);
    }
    if (n.field === null) {
      // Free text is relevance search on Shopify; the emulator does not model it, so say so.
      throw new GraphQLError(`The Shopify emulator does not implement free-text search ("${n.value}"); use field:value terms`, {
        extensions: { code: "EMULATOR_NOT_IMPLEMENTED" },
      });
    }
    const field = fields[n.field];
    if (!field) {
      // Shopify ignores unknown fields (matches everything) and says so in extensions.search.
      warnings.push({ field: n.field, message: "Invalid search field for this query.", code: "invalid_field" });
      return () => true;
    }
    return compileTerm(n, field);
  };
  const compileTerm = (term: Extract<SearchNode, { kind: "term" }>, field: SearchFieldType<R>): Test => {
    const { comparator, value } = term;
    switch (field.type) {
      case "date":
      case "number": {
        let lo: number;
        let hi: number;
        if (field.type === "date") {
          const range = parseDate(value);
          if (!range) onInvalidDate(term.field!);
          [lo, hi] = [range.start, range.end];
        } else {
          lo = Number(value);
          hi = lo + 1;
          if (!Number.isFinite(lo)) return () => false;
        }
        return (id, row) => {
          const v = field.value(id, row);
          if (v === null || v === undefined) return false;
          switch (comparator) {
            case ">": return v >= hi;
            case ">=": return v >= lo;
            case "<": return v < lo;
            case "<=": return v < hi;
            default: return v >= lo && v < hi;
          }
        };
      }
      case "string": {
        const wanted = value.toLowerCase();
        const prefix = wanted.endsWith("*");
        return (_id, row) => {
          const r = row();
          const v = r ? field.value(r)?.toLowerCase() : undefined;
          if (v === undefined || v === null) return false;
          return prefix ? v.startsWith(wanted.slice(0, -1)) : v === wanted;
        };
      }
      case "tokens": {
        const wanted = value.toLowerCase();
        return (_id, row) => {
          const r = row();
          return r ? field.value(r).some((t) => t.toLowerCase() === wanted) : false;
        };
      }
      case "boolean": {
        const wanted = value.toLowerCase() === "true";
        return (_id, row) => {
          const r = row();
          return r ? field.value(r) === wanted : false;
        };
      }
      case "enum": {
        const wanted = value.toLowerCase();
        if (!field.accepted.includes(wanted)) {
          warnings.push({ field: term.field!, message: `Input \`${value}\` is not an accepted value.`, code: "invalid_value" });
          return () => false;
        }
        return (_id, row) => {
          const r = row();
          return r ? field.matches(r, wanted) : false;
        };
      }
    }
  };
  const test = node ? compile(node) : () => true;
  return { matches: test, warnings };
}

/**
 * The ascending key range a query pins for one field, when its top level is an AND of terms on
 * that field (the common `updated_at:>X` under sortKey UPDATED_AT). Used to binary-search a sorted
 * index instead of scanning it; the full predicate still runs on every row.
 */
export function rangeFor(node: SearchNode | undefined, field: string, parse: (value: string) => { start: number; end: number } | undefined) {
  if (!node) return undefined;
  const terms = node.kind === "and" ? node.children : [node];
  let lo = -Infinity;
  let hi = Infinity;
  let found = false;
  for (const t of terms) {
    if (t.kind !== "term" || t.field !== field) continue;
    const range = parse(t.value);
    if (!range) continue;
    found = true;
    if (t.comparator === ">") lo = Math.max(lo, range.end);
    else if (t.comparator === ">=") lo = Math.max(lo, range.start);
    else if (t.comparator === "<") hi = Math.min(hi, range.start);
    else if (t.comparator === "<=") hi = Math.min(hi, range.end);
    else {
      lo = Math.max(lo, range.start);
      hi = Math.min(hi, range.end);
    }
  }
  return found ? { lo, hi } : undefined;
}
