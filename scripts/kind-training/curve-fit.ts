/**
 * Fits of recall against training size: recall = a + b·ln k by least squares (with the slope's
 * standard error) and where it would reach a target; and recall = c − d/√k, whose c is where the
 * curve levels off as k grows without bound.
 */

/** One measured point: training packages and the recall on left-out packages. */
export interface CurvePoint {
  size: number;
  recall: number;
}

function leastSquares(xs: readonly number[], ys: readonly number[]): { intercept: number; slope: number; slopeError: number; meanX: number; meanY: number } {
  const n = xs.length;
  const meanX = xs.reduce((sum, x) => sum + x, 0) / n;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  xs.forEach((x, index) => {
    sxx += (x - meanX) ** 2;
    sxy += (x - meanX) * (ys[index]! - meanY);
  });
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const intercept = meanY - slope * meanX;
  const residual = xs.reduce((sum, x, index) => sum + (ys[index]! - intercept - slope * x) ** 2, 0);
  const slopeError = n > 2 && sxx > 0 ? Math.sqrt(residual / (n - 2) / sxx) : Number.NaN;
  return { intercept, slope, slopeError, meanX, meanY };
}

/** The log fit and the training size at which it reaches `target` (Infinity when its slope is not positive), with the sizes at slope ± 1.96 standard errors pivoting on the points' centre. */
export function logFit(points: readonly CurvePoint[], target: number): { intercept: number; slope: number; slopeError: number; needed: number; neededLow: number; neededHigh: number } {
  const fitted = leastSquares(points.map((point) => Math.log(point.size)), points.map((point) => point.recall));
  const sizeAt = (slope: number) => (slope <= 0 ? Number.POSITIVE_INFINITY : Math.exp(fitted.meanX + (target - fitted.meanY) / slope));
  const steep = fitted.slope + 1.96 * fitted.slopeError;
  const shallow = fitted.slope - 1.96 * fitted.slopeError;
  return { intercept: fitted.intercept, slope: fitted.slope, slopeError: fitted.slopeError, needed: sizeAt(fitted.slope), neededLow: sizeAt(steep), neededHigh: sizeAt(shallow) };
}

/** The saturating fit recall = c − d/√k: c is the level the curve approaches. */
export function saturatingFit(points: readonly CurvePoint[]): { level: number; levelError: number } {
  const fitted = leastSquares(points.map((point) => 1 / Math.sqrt(point.size)), points.map((point) => point.recall));
  const n = points.length;
  const xs = points.map((point) => 1 / Math.sqrt(point.size));
  const sxx = xs.reduce((sum, x) => sum + (x - fitted.meanX) ** 2, 0);
  // The intercept's standard error: se(slope) · √(Σx²/n).
  const levelError = fitted.slopeError * Math.sqrt(xs.reduce((sum, x) => sum + x * x, 0) / n) * (sxx > 0 ? 1 : Number.NaN);
  return { level: fitted.intercept, levelError };
}
