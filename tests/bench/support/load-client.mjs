// The match benchmark's load generator, in a process of its own as an agent's client would be:
// its sockets, JSON and bookkeeping do not share the server's event loop or count as the
// server's CPU. Reads {url, headers, bodies, concurrency, rounds} as JSON on stdin; sends every
// body `rounds` times with `concurrency` requests in flight (keep-alive); prints
// {durations_ms, seconds, failures, cpu_ms} as JSON on stdout.
const input = JSON.parse(await new Promise((resolve) => {
  const chunks = [];
  process.stdin.on("data", (chunk) => chunks.push(chunk));
  process.stdin.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
}));
const { url, headers, bodies, concurrency, rounds = 1 } = input;
const work = Array.from({ length: rounds }, () => bodies).flat();
const durations = [];
const failures = [];
let next = 0;
const cpuBefore = process.cpuUsage();
const started = performance.now();
async function worker() {
  while (next < work.length) {
    const body = work[next++];
    const begun = performance.now();
    const response = await fetch(url, { method: "POST", headers, body });
    const text = await response.text();
    durations.push(performance.now() - begun);
    if (response.status !== 200 && failures.length < 5) failures.push(`${response.status}: ${text.slice(0, 300)}`);
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(JSON.stringify({ durations_ms: durations, seconds, failures, cpu_ms: (cpu.user + cpu.system) / 1000 }));
