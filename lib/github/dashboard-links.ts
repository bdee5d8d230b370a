import { getEnvironment } from "@/lib/env";

/** Links into the dashboard for a project: MOTIF_PUBLIC_URL, else this server on PORT. */
export function dashboardLinks(slug: string) {
  const environment = getEnvironment();
  const base = (environment.MOTIF_PUBLIC_URL ?? `http://localhost:${environment.PORT}`).replace(/\/$/, "");
  const project = `${base}/projects/${encodeURIComponent(slug)}`;
  return { project, pattern: (id: string) => `${project}/patterns/${id}` };
}
