import { parentPort } from 'node:worker_threads';
import { runTask, type TaskInput } from './task.js';

/**
 * A worker thread of `--jobs`: runs one task at a time and posts the result back. Internal
 * errors are caught inside runTask's load(); anything else still answers, so the pool never
 * waits for a result that will not come.
 */
parentPort?.on('message', (t: TaskInput) => {
  runTask(t).then(
    (r) => parentPort?.postMessage(r),
    (e: Error) =>
      parentPort?.postMessage({
        id: t.id,
        ok: false,
        failure: { path: t.ref.path, message: `internal error: ${e.message} (please report it; --debug shows the trace)`, rule: 'internal-error', exitCode: 4, stack: e.stack },
      }),
  );
});
