import { PassThrough } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { RemixServer } from "@remix-run/react";
import {
  createReadableStreamFromReadable,
  type EntryContext,
} from "@remix-run/node";
import { isbot } from "isbot";
import { appJobQueue, stopJobQueue } from "./jobs/app-queue.server";
import { logger } from "./logger.server";
import { addDocumentResponseHeaders } from "./shopify.server";

// A web process that also runs jobs (TSUZUKU_WORK_JOBS=1, the embedded default) starts its workers when
// the server loads, so jobs left pending by an earlier run resume without waiting for a new one.
// remix-serve closes its HTTP server on SIGTERM / SIGINT; the queue's timers would keep the process alive,
// so the queue stops too (running jobs finish or are released, as in `npm run worker`).
if (process.env.TSUZUKU_WORK_JOBS === "1") {
  appJobQueue().catch((error: unknown) => logger.error({ event: "job_queue_failed", error: String(error) }, "job queue failed to start"));
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      stopJobQueue().catch((error: unknown) => logger.error({ event: "job_queue_stop_failed", error: String(error) }, "job queue failed to stop"));
    });
  }
}

export const streamTimeout = 5000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext
) {
  addDocumentResponseHeaders(request, responseHeaders);
  const userAgent = request.headers.get("user-agent");
  const callbackName = isbot(userAgent ?? '')
    ? "onAllReady"
    : "onShellReady";

  return new Promise((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer
        context={remixContext}
        url={request.url}
      />,
      {
        [callbackName]: () => {
          const body = new PassThrough();
          const stream = createReadableStreamFromReadable(body);

          responseHeaders.set("Content-Type", "text/html");
          resolve(
            new Response(stream, {
              headers: responseHeaders,
              status: responseStatusCode,
            })
          );
          pipe(body);
        },
        onShellError(error) {
          reject(error);
        },
        onError(error) {
          responseStatusCode = 500;
          console.error(error);
        },
      }
    );

    // Automatically timeout the React renderer after 6 seconds, which ensures
    // React has enough time to flush down the rejected boundary contents
    setTimeout(abort, streamTimeout + 1000);
  });
}
