export { describePatterns, countUndescribedPatterns, type DescribeProgress, type DescribeRun } from "./describe-patterns";
export { describeTaskFor } from "./describe-task";
export { runDescribeJob, type DescribeJobContext } from "./describe-job";
