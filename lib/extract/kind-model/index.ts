/**
 * The learned kind classifier layered on the rule-based detectors: a unit's features (words
 * of its names and of what it calls, structural facts, which rules fired) scored by a small
 * one-vs-rest logistic regression trained on the labelled development set
 * (`npm run train:kinds`; method and figures in docs/detector-evaluation.md).
 */
export { unitFeatures } from "./unit-features";
export { type UnitFeatures } from "./feature-sink";
export { classifyUnit } from "./classify-unit";
export { classifyKinds, kindModelFrom, kindProbabilities, shippedKindModel, type KindModel } from "./classify-kinds";
export { trainLogisticRegression, linearScores, sigmoid, type LinearModel, type TrainingOptions, type TrainingSample } from "./logistic-regression";
export { describeFeature } from "./describe-feature";
