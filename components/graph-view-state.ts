"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { allRelationshipTypes as allTypes, readGraphView as readView, type GraphView } from "./graph-query";

export type { GraphView } from "./graph-query";

function writeView(view: GraphView): URLSearchParams {
  const query = new URLSearchParams();
  if (view.focus) query.set("focus", view.focus);
  if (view.depth !== 1) query.set("depth", String(view.depth));
  if (view.cluster !== "file") query.set("cluster", view.cluster);
  if (view.types.length !== allTypes.length) query.set("types", view.types.join(","));
  return query;
}

/** The graph view read from the URL, and a function that changes part of it (replacing history only for tweaks). */
export function useGraphView(): [GraphView, (changes: Partial<GraphView>) => void] {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const current = searchParams.toString();
  const fromUrl = useMemo(() => readView(new URLSearchParams(current)), [current]);
  // The change shows at once (a ticked box stays ticked) until the URL catches up with it.
  const [pending, setPending] = useState<{ from: string; view: GraphView } | null>(null);
  const view = pending && pending.from === current ? pending.view : fromUrl;
  // Once the URL moves (the change landed, or Back/Forward), it is the truth again.
  useEffect(() => setPending(null), [current]);
  const update = useCallback(
    (changes: Partial<GraphView>) => {
      const next = { ...view, ...changes };
      setPending({ from: current, view: next });
      const query = writeView(next);
      const url = query.size > 0 ? `${pathname}?${query}` : pathname;
      // A new focus is a step one can go Back from; the other settings just adjust the view.
      // The history API, not the router: Next.js keeps useSearchParams in step without asking the
      // server for the page again (its first read is for a first visit; the graph query reads the rest).
      if (changes.focus !== undefined && changes.focus !== view.focus) window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [view, current, pathname],
  );
  return [view, update];
}
