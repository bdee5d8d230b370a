/** The project the scale tests read: real code from the Python standard library, zod and openai-node, ingested by one member. */
export const largeProject = {
  slug: "stdlib-at-scale",
  name: "Standard library at scale",
  email: "scale-owner@example.com",
  password: "correct horse battery staple",
  /** At least this many patterns (the bar for "a real team's scale"). */
  minPatterns: 5_000,
  /** Usage reports filed after the ingests, so that the feed holds several pages of entries. */
  usageReports: 70,
} as const;

/** The code ingested, each as one repository of the project. */
export const largeProjectSources = [
  { repository: "cpython-stdlib", root: "/usr/lib/python3.11" },
  { repository: "zod", root: "node_modules/zod/src" },
  { repository: "openai-node", root: "node_modules/openai/src" },
] as const;
