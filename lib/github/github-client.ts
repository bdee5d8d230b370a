import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import { getEnvironment } from "@/lib/env";

const ThrottledOctokit = Octokit.plugin(throttling);

/** An Octokit client with GitHub's recommended throttling. */
export type GitHubClient = InstanceType<typeof ThrottledOctokit>;

/** Options of {@link createGitHubClient}. */
export interface GitHubClientOptions {
  token: string;
  /** Default: GITHUB_API_URL (https://api.github.com). */
  baseUrl?: string;
  /** Longest wait for a rate limit to reset before the request fails (the job is retried later). */
  maxWaitSeconds?: number;
}

const quiet = { debug: () => undefined, info: () => undefined, warn: (message: string) => console.warn(`github: ${message}`), error: (message: string) => console.error(`github: ${message}`) };

/**
 * Octokit at GITHUB_API_URL with the throttling plugin: requests are spaced as GitHub asks
 * (writes one at a time, a second apart); a 403/429 for the primary or secondary rate limit
 * waits for the reset (`x-ratelimit-reset`, `retry-after`) and retries, twice at most and
 * only when the wait is short. Otherwise the request fails and the job's retry takes over.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const maxWait = options.maxWaitSeconds ?? 60;
  const retry = (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => retryCount < 2 && retryAfter <= maxWait;
  return new ThrottledOctokit({
    auth: options.token,
    baseUrl: (options.baseUrl ?? getEnvironment().GITHUB_API_URL ?? "https://api.github.com").replace(/\/$/, ""),
    userAgent: "motif-github-loop",
    log: quiet,
    throttle: { onRateLimit: retry, onSecondaryRateLimit: retry },
  });
}

/** Splits `owner/name`. */
export function repositoryParts(repository: string): { owner: string; repo: string } {
  const [owner, repo] = repository.split("/");
  return { owner, repo };
}
