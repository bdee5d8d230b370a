#!/usr/bin/env bash
# Measures a real `motif serve` as docs/operations.md reports it: health, promtool on /metrics,
# a backup while serving, and SIGTERM under load (an open event stream and 24 matches).
# Usage: scripts/measure-operations.sh [port]   (a fresh HOME under /tmp; needs curl, promtool, bc)
set -u
root="$(cd "$(dirname "$0")/.." && pwd)"
port="${1:-42020}"
work="$(mktemp -d /tmp/motif-measure-XXXXXX)"
mkdir -p "$work/home" "$work/repo"
cp -r "$root/tests/fixtures/repos/python-service" "$work/repo/service"
export HOME="$work/home" MOTIF_METRICS_TOKEN=measure-metrics-token-123
unset MOTIF_DATA_DIR DATABASE_URL
motif="$root/bin/motif"
base="http://127.0.0.1:$port"
node "$motif" serve --port "$port" --hostname 127.0.0.1 2> "$work/serve.log" &
server=$!
until grep -q "ready on" "$work/serve.log"; do sleep 0.5; done
curl -s -c "$work/jar" -H 'content-type: application/json' -d '{"email":"m@example.com","password":"correct horse battery"}' "$base/api/v1/auth/sign-up" > /dev/null
curl -s -b "$work/jar" -H 'content-type: application/json' -d '{"name":"Shop","slug":"shop"}' "$base/api/v1/projects" > /dev/null
(cd "$work/repo" && node "$motif" ingest service --project shop --jobs 1 > /dev/null)
curl -s -H "Authorization: Bearer $MOTIF_METRICS_TOKEN" "$base/api/health" > "$work/health.json"
curl -s -H "Authorization: Bearer $MOTIF_METRICS_TOKEN" "$base/metrics" > "$work/metrics.txt"
promtool check metrics < "$work/metrics.txt"; echo "promtool exit $?"
/usr/bin/time -f "backup %e s" node "$motif" db backup "$work/backup.tar.gz"
curl -s -N -b "$work/jar" "$base/api/v1/projects/shop/events/stream" > /dev/null &
sleep 1
for _ in $(seq 1 24); do
  curl -s -o /dev/null -w "%{http_code}\n" -b "$work/jar" -H 'content-type: application/json' \
    -d '{"project":"shop","intent":"retry a flaky call with backoff","limit":20}' "$base/api/v1/patterns/match" >> "$work/burst.txt" &
done
sleep 0.3
start=$(date +%s.%N); kill -TERM "$server"; wait "$server"; code=$?; end=$(date +%s.%N)
echo "exit code $code after $(echo "$end - $start" | bc) s"
wait
[[ -e "$work/home/.motif/motif.lock" ]] && echo "LOCK LEFT" || echo "lock released"
sort "$work/burst.txt" | uniq -c
grep "motif:" "$work/serve.log" | tail -3
echo "health: $work/health.json"
