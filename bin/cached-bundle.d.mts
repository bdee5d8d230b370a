/**
 * The entry file of an esbuild bundle of `entry` (a TypeScript module of the repository at
 * `home`), kept in node_modules/.cache/motif and rebuilt only when one of its sources changes.
 */
export function cachedBundle(options: { home: string; name: string; entry: string }): Promise<string>;
