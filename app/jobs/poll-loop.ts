// One job name's worker loop for the SQLite runner: keeps up to `concurrency` jobs running, claims
// again as soon as a slot frees or a job is enqueued here, and otherwise polls, because jobs enqueued
// by other processes on the same file send no signal.
export interface PollLoopOptions<Job> {
  concurrency: number;
  pollIntervalMs: number;
  /** Atomically claims one due job, or returns null. */
  claim(): Promise<Job | null>;
  /** Runs a claimed job to its end (including recording the outcome). */
  run(job: Job): Promise<void>;
  onError(error: unknown): void;
}

export class PollLoop<Job> {
  readonly #options: PollLoopOptions<Job>;
  readonly #running = new Set<Promise<void>>();
  #stopping = false;
  #woken = false;
  #wake: (() => void) | null = null;
  #loop: Promise<void> | null = null;

  constructor(options: PollLoopOptions<Job>) {
    this.#options = options;
  }

  start(): void {
    this.#loop ??= this.#run();
  }

  /** Look for work now instead of at the next poll. */
  wake(): void {
    this.#woken = true;
    this.#wake?.();
  }

  /** Stops claiming; resolves once the running jobs have finished. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.wake();
    await this.#loop;
  }

  async #run(): Promise<void> {
    const { concurrency, pollIntervalMs, claim, run, onError } = this.#options;
    while (!this.#stopping) {
      let claimed = false;
      if (this.#running.size < concurrency) {
        try {
          const job = await claim();
          if (job !== null && !this.#stopping) {
            claimed = true;
            const running: Promise<void> = run(job)
              .catch(onError)
              .finally(() => {
                this.#running.delete(running);
                this.wake();
              });
            this.#running.add(running);
          } else if (job !== null) {
            // Claimed just as stop() was called: run it rather than leave it locked until the timeout.
            await run(job).catch(onError);
          }
        } catch (error) {
          onError(error);
        }
      }
      if (!claimed || this.#running.size >= concurrency) await this.#sleep(pollIntervalMs);
    }
    await Promise.allSettled([...this.#running]);
  }

  #sleep(ms: number): Promise<void> {
    if (this.#woken) {
      this.#woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#wake = null;
        this.#woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#wake = done;
    });
  }
}
