#!/usr/bin/env node
// Runs the TypeScript CLI from a clean clone without a build step: tsx compiles it on the fly.
import { register } from "tsx/esm/api";

register();
await import("../cli/main.ts");
