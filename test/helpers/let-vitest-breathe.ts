// A test that draws several whole corpora runs synchronously for a long time. Vitest's worker talks to the main
// process over an RPC whose calls time out after 60 s, and a reply that waits behind a long synchronous block is read
// only after the timer has fired: under CPU steal the run then ends red ("Timeout calling onTaskUpdate") with every
// test passed. Awaiting this between draws lets the worker read pending replies in time.
export const letVitestBreathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
