// Structured logs, one JSON line per event. Callers pass ids and counts, never personal data.
import pino from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "tsuzuku" },
});
