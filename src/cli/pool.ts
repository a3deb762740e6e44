import { Worker } from 'node:worker_threads';
import { runTask, type TaskInput, type TaskResult } from './task.js';

/**
 * Runs tasks on `jobs` worker threads, at most one task per worker at a time, and hands each
 * result to `onResult` as it completes. With one job (or one task) it runs in this thread:
 * starting a worker costs more than reading one transcript. When `onResult` returns a promise
 * (stdout is behind), the next task waits for it: the results are not piled up in memory.
 */
export async function runTasks(tasks: readonly TaskInput[], jobs: number, onResult: (r: TaskResult) => Promise<void> | null | undefined | void): Promise<void> {
  if (jobs <= 1 || tasks.length <= 1) {
    for (const t of tasks) await onResult(await runTask(t));
    return;
  }
  const url = new URL('./worker.js', import.meta.url);
  const n = Math.min(jobs, tasks.length);
  // Node pipes each worker's stdout and stderr into the process's own, a few listeners on each
  // per worker: past ten workers that printed a MaxListenersExceededWarning (not a leak).
  for (const s of [process.stdout, process.stderr]) s.setMaxListeners(Math.max(s.getMaxListeners(), 4 * n + 10));
  let next = 0;
  await new Promise<void>((resolve, reject) => {
    let running = n;
    const workers: Worker[] = [];
    const feed = (w: Worker) => {
      const t = tasks[next++];
      // Bytes are copied, not transferred: a Buffer may share Node's pooled memory.
      if (t) w.postMessage(t);
      else {
        void w.terminate();
        if (--running === 0) resolve();
      }
    };
    for (let k = 0; k < n; k++) {
      const w = new Worker(url);
      workers.push(w);
      const fail = (e: unknown) => {
        for (const x of workers) void x.terminate();
        reject(e);
      };
      w.on('message', (r: TaskResult) => {
        // A failed write of a result (a full disk) ends the batch through the promise, as it
        // does with one job: thrown from this handler it was an uncaught exception and a trace.
        let wait: Promise<void> | null | undefined | void;
        try {
          wait = onResult(r);
        } catch (e) {
          fail(e);
          return;
        }
        // The worker's next file waits while stdout's reader catches up (see stdoutDrained).
        if (wait) void wait.then(() => feed(w), fail);
        else feed(w);
      });
      w.on('error', fail);
      feed(w);
    }
  });
}
