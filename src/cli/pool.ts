import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { MAX_INPUT_BYTES } from './inputs.js';
import { runTask, type TaskInput, type TaskResult } from './task.js';

/**
 * The bytes of a task's regular file, read ahead; undefined for anything else or on any error
 * (the task then reads, and fails, exactly as before). With one job the thread waited for each
 * read: 68-83 ms idle of a 2.5 s profile of 50 generated calls, 32-49 with this.
 */
function readAhead(t: TaskInput | undefined): Promise<Uint8Array | undefined> {
  if (t === undefined || t.bytes !== undefined || t.ref.problem !== undefined || t.ref.path === '-') return Promise.resolve(undefined);
  try {
    const st = statSync(t.ref.path);
    if (!st.isFile() || st.size > MAX_INPUT_BYTES) return Promise.resolve(undefined);
    return readFile(t.ref.path).catch(() => undefined);
  } catch {
    return Promise.resolve(undefined);
  }
}

/**
 * Runs tasks on `jobs` worker threads, at most one task per worker at a time, and hands each
 * result to `onResult` as it completes. With one job (or one task) it runs in this thread:
 * starting a worker costs more than reading one transcript.
 */
export async function runTasks(tasks: readonly TaskInput[], jobs: number, onResult: (r: TaskResult) => void): Promise<void> {
  if (jobs <= 1 || tasks.length <= 1) {
    // The next file is read while this one is analysed.
    let ahead = readAhead(tasks[0]);
    for (let k = 0; k < tasks.length; k++) {
      const t = tasks[k] as TaskInput;
      const bytes = await ahead;
      ahead = readAhead(tasks[k + 1]);
      onResult(await runTask(bytes !== undefined ? { ...t, bytes } : t));
    }
    return;
  }
  const url = new URL('./worker.js', import.meta.url);
  const n = Math.min(jobs, tasks.length);
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
      w.on('message', (r: TaskResult) => {
        onResult(r);
        feed(w);
      });
      w.on('error', (e) => {
        for (const x of workers) void x.terminate();
        reject(e);
      });
      feed(w);
    }
  });
}
