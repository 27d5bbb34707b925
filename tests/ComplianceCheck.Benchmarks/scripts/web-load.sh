#!/usr/bin/env bash
# Item 7 of the performance issue: a bounded load run on the review queue (compliance serve) on 127.0.0.1.
# Submits up to 10,000 generated ~2 KB drafts (POST /api/items, 4 in flight), then reads the queue's first page
# (GET /api/items, default page size of 50) at 200 requests per second for 15 s. A second run of the driver on the
# same queue reads a filtered first page (stage, rule category, newest first; CC_BENCH_FILTERED names another
# path, empty skips it) the same way. Each driver run stops by itself within 60 s; the server is stopped at the
# end. Database and token live in a temporary folder ($CC_BENCH_WORK/web).
#
# Usage: tests/ComplianceCheck.Benchmarks/scripts/web-load.sh [extra web-load options, e.g. --rate 200 --seconds 15]
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
work="${CC_BENCH_WORK:-/tmp/cc-bench}"
cli="$work/pub/compliance"
tool="$root/tests/ComplianceCheck.Benchmarks/bin/Release/net10.0/ComplianceCheck.Benchmarks.dll"
[ -x "$cli" ] || dotnet publish "$root/src/ComplianceCheck.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/pub" -v quiet -nologo >/dev/null
[ -f "$tool" ] || dotnet build "$root/tests/ComplianceCheck.Benchmarks" -c Release -v quiet -nologo >/dev/null

web="$work/web"
rm -rf "$web" && mkdir -p "$web"
token=$("$cli" users add bench --role creative --db "$web/review.db" | sed -n 's/^token: //p')
port=$((20000 + RANDOM % 20000))
"$cli" serve --urls "http://127.0.0.1:$port" --db "$web/review.db" >"$web/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
timeout 70 dotnet "$tool" web-load "http://127.0.0.1:$port" "$token" "$@"
filtered="${CC_BENCH_FILTERED-api/items?stage=creative&category=guarantee&sort=newest}"
[ -z "$filtered" ] || timeout 70 dotnet "$tool" web-load "http://127.0.0.1:$port" "$token" --submit 0 --list "$filtered" "$@"
