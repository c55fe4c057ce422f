// node:http on the outside, fetch's Request/Response inside: the emulator's routes are plain functions
// tests can also call directly, and response bodies (bulk files) stream without being buffered.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { createReadStream } from "node:fs";

export type FetchHandler = (request: Request) => Promise<Response>;

const filesOf = new WeakMap<Response, string>();

/**
 * A response whose body is a file's bytes. Called directly (tests), its body is a web stream; served
 * over HTTP the file is piped to the socket without web streams between them. The emulator shares the
 * machine with the app that bench:sync measures: 800 MB sent to a reader that parses as it downloads
 * cost the emulator 0.84–1.20 s of CPU this way, 1.75–2.41 s through the web streams.
 */
export function fileResponse(path: string, init: ResponseInit): Response {
  const response = new Response(Readable.toWeb(createReadStream(path)) as ReadableStream, init);
  filesOf.set(response, path);
  return response;
}

/** Read a megabyte at a time: fewer, bigger writes to the socket. */
const FILE_CHUNK_BYTES = 1 << 20;

export interface RunningServer {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function listen(handler: FetchHandler, options: { host?: string; port?: number } = {}): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  const server = createServer((req, res) => {
    void serve(handler, req, res, host);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://${host}:${port}`, port, close: () => closeServer(server) };
}

async function serve(handler: FetchHandler, req: IncomingMessage, res: ServerResponse, host: string): Promise<void> {
  try {
    const response = await handler(toRequest(req, host));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    const file = filesOf.get(response);
    if (file !== undefined) {
      await response.body?.cancel();
      await pipeline(createReadStream(file, { highWaterMark: FILE_CHUNK_BYTES }), res);
    } else if (response.body) await pipeline(Readable.fromWeb(response.body as NodeReadableStream), res);
    else res.end();
  } catch (error) {
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ errors: `Emulator error: ${error instanceof Error ? error.message : String(error)}` }));
  }
}

function toRequest(req: IncomingMessage, host: string): Request {
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? host}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    // Required by undici for a streamed request body.
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
