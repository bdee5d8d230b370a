/** Ends one open event stream (its subscriber reconnects, to another server or after a restart). */
type StreamCloser = () => void;

// On globalThis: the streams are opened by the route bundles Next.js compiles, and closed by
// `motif serve`, a separate module graph in the same process.
const globalForStreams = globalThis as unknown as { motifOpenEventStreams?: Set<StreamCloser> };

function openStreams(): Set<StreamCloser> {
  return (globalForStreams.motifOpenEventStreams ??= new Set());
}

/** Registers an open stream's closer; returns the function that forgets it once it ended. */
export function trackEventStream(close: StreamCloser): () => void {
  openStreams().add(close);
  return () => void openStreams().delete(close);
}

/**
 * Ends every open event stream of this process (a server shutting down): each client sees its
 * stream end and reconnects with `Last-Event-ID`, so no event is lost. Returns how many ended.
 */
export function closeEventStreams(): number {
  const closers = [...openStreams()];
  for (const close of closers) close();
  return closers.length;
}

/** How many event streams this process has open (metrics and shutdown logs). */
export function countOpenEventStreams(): number {
  return openStreams().size;
}
