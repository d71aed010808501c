/**
 * The daemon's minute clock: node-cron in the configured zone, never two runs of the task at once. node-cron is
 * loaded when the daemon starts its clock, not by every one-shot command that builds the app (issue 9 §6).
 */
import { createRequire } from "node:module";
import type { default as Cron } from "node-cron";
import type { Scheduler } from "../app/ports.ts";

const require = createRequire(import.meta.url);

export function createCronScheduler(timezone: string): Scheduler {
  return {
    everyMinute(task) {
      const cron = require("node-cron") as typeof Cron;
      const job = cron.schedule("* * * * *", task, { timezone, name: "intake-jobs", noOverlap: true });
      return {
        async stop() {
          await job.stop();
        },
      };
    },
  };
}
