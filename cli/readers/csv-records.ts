// Streams CSV records with their 1-based line numbers, turning csv-parse errors into InputError.
import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import { InputError } from "../input-error.ts";

export async function* csvRecords(input: Readable): AsyncGenerator<{ record: string[]; line: number }> {
  const parser = input.pipe(parse({ info: true, bom: true, skip_empty_lines: true, relax_quotes: false }));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { record, line: info.lines };
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const e = error as { lines?: number; column?: number | string; message: string };
    throw new InputError(e.lines ?? 0, e.column ?? 1, e.message.replace(/^Invalid Record Length: /, "wrong number of fields: "));
  }
}
