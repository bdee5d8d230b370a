/**
 * radon's class complexity (`Class.complexity` in radon/visitors.py): the class's real
 * complexity — 1 + decisions in the class body + the sum of its methods' complexities —
 * averaged over its methods, plus one when there is more than one method.
 */
export function radonClassComplexity(input: { bodyComplexity: number; methodComplexities: number[] }): number {
  const real = input.bodyComplexity + input.methodComplexities.reduce((sum, value) => sum + value, 0);
  const methods = input.methodComplexities.length;
  if (methods === 0) return real;
  return Math.trunc(real / methods) + (methods > 1 ? 1 : 0);
}
