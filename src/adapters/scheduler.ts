/** The daemon's minute clock: node-cron in the configured zone, never two runs of the task at once. */
import cron from "node-cron";
import type { Scheduler } from "../app/ports.ts";

export function createCronScheduler(timezone: string): Scheduler {
  return {
    everyMinute(task) {
      const job = cron.schedule("* * * * *", task, { timezone, name: "intake-jobs", noOverlap: true });
      return {
        async stop() {
          await job.stop();
        },
      };
    },
  };
}
