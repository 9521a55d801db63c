/** Time bounds for tests: a hung socket or server fails its test instead of hanging the run. */

/** Rejects if `p` does not settle within `ms`, naming `what`. */
export function within<T>(ms: number, p: T | Promise<T>, what = 'operation'): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
    Promise.resolve(p).then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}
