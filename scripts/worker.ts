// `npm run worker`: a process that only runs jobs (sync, metrics). On SQLite the app process runs
// jobs itself; a worker is for PostgreSQL deployments, or to keep long backfills out of the web process.
// SIGTERM / SIGINT stop it gracefully (running jobs finish or are released for another worker).
import { startJobWorkers, stopJobQueue } from "../app/jobs/app-queue.server";
import { logger } from "../app/logger.server";

await startJobWorkers();
logger.info({ event: "worker_started", pid: process.pid }, "worker started");
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    void stopJobQueue().then(() => process.exit(0));
  });
}
