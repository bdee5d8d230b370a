import { z } from "zod";
import { designPatternKinds } from "./enums";

/**
 * The learned design-pattern kind classifier as shipped (lib/extract/kind-model/data, written
 * by `npm run train:kinds`): one-vs-rest logistic regression over a unit's features, with a
 * probability threshold per kind chosen by leave-package-out cross-validation.
 */
export const kindModelDataSchema = z.object({
  generatedBy: z.string(),
  /** The packages and unit counts it was trained on, and how its thresholds were chosen. */
  trainedOn: z.object({ packages: z.array(z.string()), labelledUnits: z.number().int(), backgroundUnits: z.number().int(), thresholds: z.string() }),
  kinds: z.array(z.enum(designPatternKinds)),
  /** Per kind (same order as `kinds`): report the kind when the probability reaches it (above 1: never). */
  thresholds: z.array(z.number()),
  biases: z.array(z.number()),
  /** Feature name → one weight per kind (same order as `kinds`). */
  weights: z.record(z.string(), z.array(z.number())),
});
/** The shipped kind classifier's data. */
export type KindModelData = z.infer<typeof kindModelDataSchema>;
