/** Counts listener runs under way, so a shutdown can let replies finish (they continue after the ack). */
export interface InFlight {
  track<A>(listener: (args: A) => Promise<void>): (args: A) => Promise<void>;
  /** Resolves once nothing is running, or after `timeoutMs`; true when everything finished. */
  drain(timeoutMs: number): Promise<boolean>;
}

export function createInFlight(): InFlight {
  let active = 0;
  let waiting: (() => void)[] = [];
  return {
    track: (listener) => async (args) => {
      active++;
      try {
        await listener(args);
      } finally {
        active--;
        if (active === 0) for (const wake of waiting.splice(0)) wake();
      }
    },
    drain: (timeoutMs) =>
      new Promise<boolean>((resolve) => {
        if (active === 0) return resolve(true);
        const done = () => {
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(() => {
          waiting = waiting.filter((wake) => wake !== done);
          resolve(false);
        }, timeoutMs);
        waiting.push(done);
      }),
  };
}
