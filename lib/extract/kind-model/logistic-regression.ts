/** One training example: sparse feature indices and values, the labels it carries, its weight. */
export interface TrainingSample {
  indices: readonly number[];
  values: readonly number[];
  /** For each output (kind), 1 when the sample is labelled with it. */
  targets: readonly number[];
  /** How much the sample counts (unlabelled background units count less than labelled ones). */
  weight: number;
}

/** How to train. */
export interface TrainingOptions {
  featureCount: number;
  outputCount: number;
  /** L2 penalty on the weights (not the biases). */
  l2: number;
  iterations: number;
  learningRate: number;
}

/** One-vs-rest logistic models: `weights[feature * outputCount + output]`, one bias per output. */
export interface LinearModel {
  outputCount: number;
  weights: Float64Array;
  biases: Float64Array;
}

/** The logistic function. */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** The scores (log-odds) of every output for one sample. */
export function linearScores(model: LinearModel, indices: readonly number[], values: readonly number[]): Float64Array {
  const { outputCount, weights } = model;
  const scores = Float64Array.from(model.biases);
  for (let position = 0; position < indices.length; position++) {
    const base = indices[position]! * outputCount;
    const value = values[position]!;
    for (let output = 0; output < outputCount; output++) scores[output]! += weights[base + output]! * value;
  }
  return scores;
}

/**
 * Trains one L2-regularised logistic regression per output on the weighted mean log-loss,
 * by full-batch gradient descent with Nesterov momentum from zero weights. Same samples in
 * the same order → the same model, bit for bit (no randomness, no data-dependent ordering).
 */
export function trainLogisticRegression(samples: readonly TrainingSample[], options: TrainingOptions): LinearModel {
  const { featureCount, outputCount, l2, iterations, learningRate } = options;
  const size = featureCount * outputCount;
  const model: LinearModel = { outputCount, weights: new Float64Array(size), biases: new Float64Array(outputCount) };
  const velocity = new Float64Array(size);
  const biasVelocity = new Float64Array(outputCount);
  const gradient = new Float64Array(size);
  const biasGradient = new Float64Array(outputCount);
  const totalWeight = samples.reduce((sum, sample) => sum + sample.weight, 0) || 1;
  const momentum = 0.9;
  for (let iteration = 0; iteration < iterations; iteration++) {
    // Nesterov: the gradient is taken at the point the momentum is about to carry us to.
    const lookahead: LinearModel = {
      outputCount,
      weights: model.weights.map((weight, index) => weight + momentum * velocity[index]!),
      biases: model.biases.map((bias, index) => bias + momentum * biasVelocity[index]!),
    };
    gradient.fill(0);
    biasGradient.fill(0);
    for (const sample of samples) {
      const scores = linearScores(lookahead, sample.indices, sample.values);
      const share = sample.weight / totalWeight;
      for (let output = 0; output < outputCount; output++) scores[output] = (sigmoid(scores[output]!) - sample.targets[output]!) * share;
      for (let output = 0; output < outputCount; output++) biasGradient[output]! += scores[output]!;
      for (let position = 0; position < sample.indices.length; position++) {
        const base = sample.indices[position]! * outputCount;
        const value = sample.values[position]!;
        for (let output = 0; output < outputCount; output++) gradient[base + output]! += scores[output]! * value;
      }
    }
    for (let index = 0; index < size; index++) {
      const step = gradient[index]! + l2 * lookahead.weights[index]!;
      velocity[index] = momentum * velocity[index]! - learningRate * step;
      model.weights[index]! += velocity[index]!;
    }
    for (let output = 0; output < outputCount; output++) {
      biasVelocity[output] = momentum * biasVelocity[output]! - learningRate * biasGradient[output]!;
      model.biases[output]! += biasVelocity[output]!;
    }
  }
  return model;
}
