import type http from "node:http";

/** Counts the requests a server is answering, so that a shutdown can wait for them. */
export interface RequestTracker {
  /** Call when a request arrives; the tracker notices its response finishing or its socket closing. */
  track(request: http.IncomingMessage, response: http.ServerResponse): void;
  /** How many requests are being answered now. */
  readonly inFlight: number;
  /** Resolves once no request is in flight, or after `timeoutMs`; true when none is left. */
  drained(timeoutMs: number): Promise<boolean>;
}

/** A {@link RequestTracker}. */
export function createRequestTracker(): RequestTracker {
  let inFlight = 0;
  const waiters: (() => void)[] = [];
  const settle = () => {
    inFlight -= 1;
    if (inFlight === 0) for (const wake of waiters.splice(0)) wake();
  };
  return {
    track(_request, response) {
      inFlight += 1;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        settle();
      };
      response.once("finish", finish);
      response.once("close", finish);
    },
    get inFlight() {
      return inFlight;
    },
    drained(timeoutMs) {
      if (inFlight === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        waiters.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
  };
}
