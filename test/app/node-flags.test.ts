// The app's job-running processes start with APP_NODE_FLAGS however they are launched: package.json's
// `start` and `worker` scripts, and the launchers of `npm run main` and the demo (remixServeCommand).
import { existsSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { APP_NODE_FLAGS, remixServeCommand } from "../../scripts/node-flags";

const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;

describe("the app's node flags", () => {
  it.each(["start", "worker"])("package.json's %s script runs node with every flag", (name) => {
    const words = scripts[name].split(/\s+/);
    expect(words[0]).toBe("node");
    for (const flag of APP_NODE_FLAGS) expect(words).toContain(flag);
  });

  it("remixServeCommand runs remix-serve's CLI with the flags, in this node", () => {
    const { command, args } = remixServeCommand("build/server/index.js");
    expect(command).toBe(process.execPath);
    expect(args.slice(0, APP_NODE_FLAGS.length)).toEqual([...APP_NODE_FLAGS]);
    expect(existsSync(args[APP_NODE_FLAGS.length])).toBe(true);
    expect(args.at(-1)).toBe("build/server/index.js");
  });

  it("this node takes the flags without a complaint", () => {
    const run = spawnSync(process.execPath, [...APP_NODE_FLAGS, "-e", "process.stdout.write(JSON.stringify(process.execArgv))"], { encoding: "utf8" });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: "" });
    expect(JSON.parse(run.stdout)).toEqual(expect.arrayContaining([...APP_NODE_FLAGS]));
  });
});
