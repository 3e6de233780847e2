/**
 * How many worker threads a run uses, and how many draws each task carries. Asked for more
 * workers than the machine has cores, or than the run has tasks, a run uses only that many: a
 * thread beyond the cores only competes for them (`--workers 1000` started a thousand threads),
 * and one beyond the tasks would idle. The result says so (`run.workersLimit`); the number of
 * workers never changes the results.
 *
 * @module
 */

/** Why a run uses fewer workers than asked: the machine's cores or the run's tasks. */
export interface WorkersLimit {
  /** Workers asked for (`--workers`). */
  asked: number;
  /** `cores`: the machine has `max` cores (os.availableParallelism()); `batches`: the run has `max` tasks. */
  by: 'cores' | 'batches';
  max: number;
}

/** What {@link chooseWorkers} decides. */
export interface WorkerPlan {
  workers: number;
  batchSize: number;
  /** Set when fewer workers than asked are used. */
  limit?: WorkersLimit;
}

/**
 * Workers and batch size for `draws` draws on `cores` cores. Without `asked`: the cores, fewer
 * for small runs (one per 500 draws); the batch size by default gives about 8 tasks per worker,
 * at most 200 draws each. Then never more workers than cores or tasks.
 *
 * @example
 * chooseWorkers(2000, 1000, undefined, 2); // { workers: 2, batchSize: 125, limit: { asked: 1000, by: 'cores', max: 2 } }
 * chooseWorkers(10, 2, 5, 8);              // { workers: 2, batchSize: 5 }
 * chooseWorkers(10, 4, 5, 8);              // { workers: 2, batchSize: 5, limit: { asked: 4, by: 'batches', max: 2 } }
 */
export function chooseWorkers(draws: number, asked: number | undefined, batchSizeAsked: number | undefined, cores: number): WorkerPlan {
  const machine = Math.max(1, cores);
  const first = Math.min(asked ?? Math.max(1, Math.floor(draws / 500)), machine);
  const batchSize = batchSizeAsked ?? Math.max(1, Math.min(200, Math.ceil(draws / (first * 8))));
  const tasks = Math.ceil(draws / batchSize);
  const workers = Math.max(1, Math.min(first, tasks));
  if (asked === undefined || asked <= workers) return { workers, batchSize };
  return { workers, batchSize, limit: workers === machine && machine <= tasks ? { asked, by: 'cores', max: machine } : { asked, by: 'batches', max: tasks } };
}
