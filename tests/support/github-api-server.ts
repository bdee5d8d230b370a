// A local HTTP server that answers the part of GitHub's REST API the GitHub loop uses, from a
// real git repository on disk: trees, contents and blobs from `git ls-tree` / `git cat-file`,
// compare from `git diff`, pull-request files (paginated with Link headers, 100 a page) from
// the diff between a pull request's base and head, and issue comments kept in memory. Every
// answer carries the x-ratelimit-* headers; `rateLimitNext(n)` makes the next n requests fail
// as GitHub does when the quota is spent (403, remaining 0, reset a second ahead).
import { execFileSync } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";

/** A request the server answered: method, path with query, status. */
export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
}

interface Comment {
  id: number;
  body: string;
  issue: number;
  user: { login: string; type: string };
  created_at: string;
  updated_at: string;
}

/** Options: where the repository is, its name, the token to accept, the pull requests (number → base/head sha). */
export interface GitHubApiServerOptions {
  gitDir: string;
  repository: string;
  token: string;
  pulls?: Map<number, { base: string; head: string }>;
}

const run = (gitDir: string, ...args: string[]) => execFileSync("git", args, { cwd: gitDir, maxBuffer: 64 * 1024 * 1024 });
const text = (gitDir: string, ...args: string[]) => run(gitDir, ...args).toString("utf8").trim();

// Trees and blobs are read once per commit (one ls-tree, one cat-file --batch): a pull request
// of 300 files would otherwise spawn git hundreds of times per page.
const trees = new Map<string, Map<string, { sha: string; mode: string; type: string; size: number }>>();
const blobs = new Map<string, Buffer>();

function treeOf(gitDir: string, ref: string) {
  const commit = /^[0-9a-f]{40}$/.test(ref) ? ref : text(gitDir, "rev-parse", `${ref}^{commit}`);
  let tree = trees.get(`${gitDir}\n${commit}`);
  if (tree) return tree;
  tree = new Map();
  for (const line of text(gitDir, "ls-tree", "-r", "-l", commit).split("\n").filter(Boolean)) {
    const [meta, file] = line.split("\t");
    const [mode, type, sha, size] = meta.split(/\s+/);
    tree.set(file, { sha, mode, type, size: Number(size) });
  }
  const missing = [...tree.values()].filter((entry) => entry.type === "blob" && !blobs.has(entry.sha)).map((entry) => entry.sha);
  if (missing.length > 0) {
    const output = execFileSync("git", ["cat-file", "--batch"], { cwd: gitDir, input: `${missing.join("\n")}\n`, maxBuffer: 256 * 1024 * 1024 });
    let offset = 0;
    while (offset < output.length) {
      const headerEnd = output.indexOf(10, offset);
      const [sha, , size] = output.subarray(offset, headerEnd).toString("utf8").split(" ");
      blobs.set(sha, output.subarray(headerEnd + 1, headerEnd + 1 + Number(size)));
      offset = headerEnd + 1 + Number(size) + 1;
    }
  }
  trees.set(`${gitDir}\n${commit}`, tree);
  return tree;
}

function diffFiles(gitDir: string, base: string, head: string) {
  const lines = text(gitDir, "diff", "--name-status", "--no-renames", base, head).split("\n").filter(Boolean);
  const renamed = text(gitDir, "diff", "--name-status", "-M", base, head).split("\n").filter((line) => line.startsWith("R"));
  const renames = new Map(renamed.map((line) => { const [, from, to] = line.split("\t"); return [to, from]; }));
  const gone = new Set(renames.values());
  const headTree = treeOf(gitDir, head);
  const files = [];
  for (const line of lines) {
    const [code, filename] = line.split("\t");
    if (code === "D" && gone.has(filename)) continue;
    const status = renames.has(filename) ? "renamed" : code === "A" ? "added" : code === "D" ? "removed" : "modified";
    const sha = status === "removed" ? "0000000000000000000000000000000000000000" : headTree.get(filename)!.sha;
    files.push({ sha, filename, status, ...(renames.has(filename) ? { previous_filename: renames.get(filename) } : {}), additions: 1, deletions: 0, changes: 1 });
  }
  return files;
}

function compareStatus(gitDir: string, base: string, head: string): string {
  if (base === head) return "identical";
  const isAncestor = (a: string, b: string) => { try { run(gitDir, "merge-base", "--is-ancestor", a, b); return true; } catch { return false; } };
  if (isAncestor(base, head)) return "ahead";
  return isAncestor(head, base) ? "behind" : "diverged";
}

/** Starts the server on a port of 41900-41999; resolves once it listens. */
export async function startGitHubApiServer(options: GitHubApiServerOptions) {
  const log: LoggedRequest[] = [];
  const comments: Comment[] = [];
  let rateLimited = 0;
  let remaining = 5000;
  const { gitDir } = options;
  const prefix = `/repos/${options.repository}`;

  function answer(response: http.ServerResponse, request: http.IncomingMessage, status: number, body: unknown, headers: Record<string, string> = {}) {
    const reset = Math.floor(Date.now() / 1000) + (status === 403 ? 1 : 3600);
    response.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "x-ratelimit-limit": "5000", "x-ratelimit-remaining": String(status === 403 ? 0 : remaining), "x-ratelimit-reset": String(reset),
      "x-ratelimit-used": String(5000 - remaining), "x-ratelimit-resource": "core", "x-github-media-type": "github.v3; format=json",
      ...headers,
    });
    response.end(JSON.stringify(body));
    log.push({ method: request.method ?? "GET", path: request.url ?? "", status });
  }

  function page<T>(request: http.IncomingMessage, url: URL, items: T[]) {
    const perPage = Math.min(100, Number(url.searchParams.get("per_page") ?? 30));
    const pageNumber = Number(url.searchParams.get("page") ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number) => { const next = new URL(request.url ?? "/", url.origin); next.searchParams.set("page", String(n)); next.searchParams.set("per_page", String(perPage)); return `<${next}>`; };
    const links: Record<string, string> = pageNumber < last ? { link: `${link(pageNumber + 1)}; rel="next", ${link(last)}; rel="last"` } : {};
    return { body: items.slice((pageNumber - 1) * perPage, pageNumber * perPage), headers: links };
  }

  async function route(request: http.IncomingMessage, body: string, url: URL): Promise<[number, unknown, Record<string, string>?]> {
    const path = decodeURIComponent(url.pathname);
    const method = request.method ?? "GET";
    let match: RegExpMatchArray | null;
    if ((match = path.match(/^\/git\/trees\/([0-9a-f]{40})$/))) {
      const tree = [...treeOf(gitDir, match[1])].map(([file, entry]) => ({ path: file, ...entry, url: `${url.origin}${prefix}/git/blobs/${entry.sha}` }));
      return [200, { sha: match[1], url: url.href, tree, truncated: false }];
    }
    if ((match = path.match(/^\/git\/blobs\/([0-9a-f]{40})$/))) {
      const content = blobs.get(match[1]) ?? run(gitDir, "cat-file", "blob", match[1]);
      return [200, { sha: match[1], size: content.length, encoding: "base64", content: content.toString("base64") }];
    }
    if ((match = path.match(/^\/contents\/(.+)$/))) {
      const ref = url.searchParams.get("ref") ?? "HEAD";
      const entry = treeOf(gitDir, ref).get(match[1]);
      if (!entry) return [404, { message: "Not Found" }];
      const { sha } = entry;
      const content = blobs.get(sha)!;
      // GitHub wraps the base64 text at 60 characters.
      const encoded = content.toString("base64").replace(/.{60}/g, "$&\n");
      return [200, { type: "file", encoding: "base64", size: content.length, name: match[1].split("/").pop(), path: match[1], content: encoded, sha }];
    }
    if ((match = path.match(/^\/compare\/([0-9a-f]{40})\.\.\.([0-9a-f]{40})$/))) {
      const status = compareStatus(gitDir, match[1], match[2]);
      const files = status === "ahead" ? diffFiles(gitDir, match[1], match[2]) : diffFiles(gitDir, text(gitDir, "merge-base", match[1], match[2]), match[2]);
      return [200, { status, ahead_by: 1, behind_by: status === "diverged" ? 1 : 0, total_commits: 1, commits: [], files }];
    }
    if ((match = path.match(/^\/pulls\/(\d+)\/files$/))) {
      const pull = options.pulls?.get(Number(match[1]));
      if (!pull) return [404, { message: "Not Found" }];
      const { body: files, headers } = page(request, url, diffFiles(gitDir, pull.base, pull.head));
      return [200, files, headers];
    }
    if ((match = path.match(/^\/issues\/(\d+)\/comments$/))) {
      const issue = Number(match[1]);
      if (method === "POST") {
        const now = new Date().toISOString();
        const comment: Comment = { id: 1000 + comments.length, body: JSON.parse(body).body, issue, user: { login: "motif-bot", type: "Bot" }, created_at: now, updated_at: now };
        comments.push(comment);
        return [201, comment];
      }
      const { body: listed, headers } = page(request, url, comments.filter((comment) => comment.issue === issue));
      return [200, listed, headers];
    }
    if ((match = path.match(/^\/issues\/comments\/(\d+)$/)) && method === "PATCH") {
      const comment = comments.find((candidate) => candidate.id === Number(match![1]));
      if (!comment) return [404, { message: "Not Found" }];
      comment.body = JSON.parse(body).body;
      comment.updated_at = new Date().toISOString();
      return [200, comment];
    }
    return [404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" }];
  }

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const url = new URL(request.url ?? "/", `http://${request.headers.host}`);
      const authorization = request.headers.authorization ?? "";
      if (authorization !== `token ${options.token}` && authorization !== `Bearer ${options.token}`) {
        return answer(response, request, 401, { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" });
      }
      if (rateLimited > 0) {
        rateLimited--;
        return answer(response, request, 403, { message: "API rate limit exceeded for user ID 1.", documentation_url: "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting" });
      }
      if (!url.pathname.startsWith(prefix)) return answer(response, request, 404, { message: "Not Found" });
      remaining--;
      try {
        const [status, body, headers] = await route(request, Buffer.concat(chunks).toString("utf8"), new URL(url.pathname.slice(prefix.length) + url.search, url.origin));
        answer(response, request, status, body, headers);
      } catch (error) {
        answer(response, request, 404, { message: `Not Found (${(error as Error).message.split("\n")[0]})` });
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    const tryPort = (port: number) => {
      server.once("error", (error: NodeJS.ErrnoException) => (error.code === "EADDRINUSE" && port < 41999 ? tryPort(port + 1) : reject(error)));
      server.listen(port, "127.0.0.1", () => resolve());
    };
    tryPort(41900 + Math.floor(Math.random() * 50));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    comments,
    rateLimitNext: (count: number) => { rateLimited = count; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
