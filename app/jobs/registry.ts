// Job definitions: each job name has a zod schema for its data and a handler. Enqueue validates the
// data against the schema (so a bad payload never reaches storage), and the worker validates it again
// before the handler runs (so data written by an older deploy cannot reach a handler unchecked).
// The schema's output is stored as JSON and parsed again, so a schema must accept its own output after
// a JSON round trip: defaults and stripped keys are fine, dates need z.coerce.date(), and
// type-changing transforms do not belong in job schemas.
import { type z } from "zod";

export interface JobContext<Data> {
  id: string;
  name: string;
  data: Data;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
}

export type JobHandler<Data> = (job: JobContext<Data>) => Promise<void>;

export interface JobDefinition<Name extends string = string, Schema extends z.ZodTypeAny = z.ZodTypeAny> {
  readonly name: Name;
  readonly schema: Schema;
  // Method syntax on purpose: its parameter is checked bivariantly, so a definition for one schema is
  // still an AnyJobDefinition (a function property would make Schema invariant).
  handler(job: JobContext<z.output<Schema>>): Promise<void>;
  /** Runs allowed before the job is marked failed, when enqueue does not say. */
  readonly maxAttempts?: number;
  /** Handlers of this job running at once in one process, when started by `workAll()`. */
  readonly concurrency?: number;
}

export type AnyJobDefinition = JobDefinition<string, z.ZodTypeAny>;

/** What `enqueue(name, data)` accepts for the named job. */
export type JobInput<Defs extends AnyJobDefinition, Name extends string> = z.input<
  Extract<Defs, { name: Name }>["schema"]
>;
/** What the named job's handler receives. */
export type JobData<Defs extends AnyJobDefinition, Name extends string> = z.output<
  Extract<Defs, { name: Name }>["schema"]
>;

/** Identity function that keeps the literal name and the schema's types. */
export function defineJob<Name extends string, Schema extends z.ZodTypeAny>(
  definition: JobDefinition<Name, Schema>,
): JobDefinition<Name, Schema> {
  return definition;
}

export class UnknownJobError extends Error {
  constructor(name: string) {
    super(`Unknown job "${name}": it is not in the job registry`);
    this.name = "UnknownJobError";
  }
}

/** Bad job data; the message names every bad field, e.g. `job "sync.orders": data.shop: Required`. */
export class JobDataError extends Error {
  constructor(readonly jobName: string, readonly issues: z.ZodIssue[]) {
    super(`Invalid data for job "${jobName}": ${issues.map(describeIssue).join("; ")}`);
    this.name = "JobDataError";
  }
}

function describeIssue(issue: z.ZodIssue): string {
  return `${["data", ...issue.path].join(".")}: ${issue.message}`;
}

export class JobRegistry<Defs extends AnyJobDefinition = AnyJobDefinition> {
  readonly #byName = new Map<string, Defs>();

  constructor(definitions: readonly Defs[]) {
    for (const definition of definitions) {
      if (this.#byName.has(definition.name)) throw new Error(`Job "${definition.name}" is defined twice`);
      this.#byName.set(definition.name, definition);
    }
  }

  get(name: string): Defs {
    const definition = this.#byName.get(name);
    if (!definition) throw new UnknownJobError(name);
    return definition;
  }

  definitions(): Defs[] {
    return [...this.#byName.values()];
  }

  /** The schema's output for `data`; throws JobDataError naming the bad fields. */
  parse(name: string, data: unknown): unknown {
    const result = this.get(name).schema.safeParse(data);
    if (!result.success) throw new JobDataError(name, result.error.issues);
    return result.data;
  }
}
