/**
 * lib/domain: Motif's model (code units, patterns, relationships, quality), every enum, the
 * request contracts and their limits. Types and zod schemas only: no I/O, and it imports
 * nothing else from lib/, so every other folder (and the dashboard) may depend on it.
 */
export * from "./enums";
export * from "./extraction";
export * from "./fields";
export * from "./match";
export * from "./pattern-requests";
