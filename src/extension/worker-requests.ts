// Requests to the analysis worker and their answers, matched by id: the extension's analysis service,
// the worker's test and the transfer benchmark all talk to the worker through this. Pure: no vscode.
import type { WorkerRequest, WorkerResponse } from './protocol';

export class WorkerRequests {
  private readonly pending = new Map<number, (r: WorkerResponse) => void>();

  /** `post` hands a request to the worker (creating the worker first if need be). */
  constructor(private readonly post: (req: WorkerRequest) => void) {}

  /** Resolves with the worker's answer to `req`, or an error if the worker stops first. */
  send(req: WorkerRequest): Promise<WorkerResponse> {
    return new Promise(resolve => {
      this.post(req);
      this.pending.set(req.id, resolve);
    });
  }

  /** An answer from the worker: settles the request with its id. */
  settle(res: WorkerResponse): void {
    const done = this.pending.get(res.id);
    this.pending.delete(res.id);
    done?.(res);
  }

  /** The worker stopped: every request still waiting gets an error with `message`. */
  failAll(message: string): void {
    for (const [id, done] of this.pending) done({ type: 'error', id, message });
    this.pending.clear();
  }
}
