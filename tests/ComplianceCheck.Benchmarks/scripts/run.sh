#!/usr/bin/env bash
# Whole-process benchmarks of the performance issue (items 3 and 5; item 4 is textlint.sh):
#   - a generated content repo of 10,000 drafts (~30 MB): `compliance check --format json`, with and without the
#     model: wall time, MB/s, CPU use and peak memory (/usr/bin/time -v);
#   - start-up: `compliance check one-small-file.md`, median of 20 runs (hyperfine), with and without the model.
# The CLI is published ReadyToRun (framework-dependent; Native AOT is not an option with ML.NET); --standalone measures
# the self-contained composite ReadyToRun build instead (publish profile Standalone, a few minutes to publish). Everything
# generated goes to a temporary folder ($CC_BENCH_WORK, default /tmp/cc-bench) and is never committed.
#
# Usage: tests/ComplianceCheck.Benchmarks/scripts/run.sh [--files N] [--runs N] [--skip-publish] [--standalone]
# Needs: .NET SDK, /usr/bin/time, hyperfine (apt-get install time hyperfine).
set -euo pipefail

root="$(cd "$(dirname "$0")/../../.." && pwd)"
work="${CC_BENCH_WORK:-/tmp/cc-bench}"
files=10000
runs=3
publish=1
standalone=0
while [ $# -gt 0 ]; do
  case "$1" in
    --files) files="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --skip-publish) publish=0; shift ;;
    --standalone) standalone=1; shift ;;
    *) echo "usage: $0 [--files N] [--runs N] [--skip-publish] [--standalone]" >&2; exit 2 ;;
  esac
done

for tool in /usr/bin/time hyperfine; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing (apt-get install time hyperfine)" >&2; exit 2; }
done

mkdir -p "$work"
bench="$root/tests/ComplianceCheck.Benchmarks"
pub="$work/pub"
publish_args=(-c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true)
if [ "$standalone" = 1 ]; then
  pub="$work/pub-standalone"
  publish_args=(-p:PublishProfile=Standalone)
fi
cli="$pub/compliance"
if [ "$publish" = 1 ] || [ ! -x "$cli" ]; then
  echo "== publishing the CLI (${publish_args[*]}) to $pub"
  dotnet publish "$root/src/ComplianceCheck.Cli" "${publish_args[@]}" -o "$pub" -v quiet -nologo >/dev/null
  dotnet build "$bench" -c Release -v quiet -nologo >/dev/null
fi

repo="$work/repo-$files"
if [ ! -d "$repo" ]; then
  echo "== generating $files drafts into $repo"
  dotnet "$bench/bin/Release/net10.0/ComplianceCheck.Benchmarks.dll" gen-repo "$repo" --files "$files" --seed 42
fi
bytes=$(find -L "$repo" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')

echo "== machine"
echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -n1), $(nproc) cores; memory: $(free -g | awk '/Mem:/ {print $2}') GB; $(uname -sr); .NET $(dotnet --version)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# One timed run: prints "wall_s user_s sys_s cpu_pct max_rss_kb exit".
timed() {
  local out="$work/time.txt"
  set +e
  /usr/bin/time -v "$@" >/dev/null 2>"$out"
  local code=$?
  set -e
  awk -v code="$code" -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = (n == 3) ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2] }
    /User time/ { user = $2 } /System time/ { sys = $2 } /Percent of CPU/ { cpu = $2 } /Maximum resident/ { rss = $2 }
    END { gsub("%", "", cpu); printf "%.2f %.2f %.2f %s %s %s\n", wall, user, sys, cpu, rss, code }' "$out"
}

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo
echo "== whole process: $files drafts, $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1048576}') MB, median of $runs runs"
printf '%-12s %8s %8s %8s %8s %10s\n' mode wall_s MB/s cpu% user_s peak_MB
for mode in no-model model; do
  args=(check "$repo" --format json -o "$work/report-$mode.json")
  [ "$mode" = no-model ] && args+=(--no-model)
  : >"$work/runs-$mode.txt"
  for _ in $(seq "$runs"); do
    timed "$cli" "${args[@]}" >>"$work/runs-$mode.txt"
  done
  wall=$(awk '{print $1}' "$work/runs-$mode.txt" | median)
  user=$(awk '{print $2}' "$work/runs-$mode.txt" | median)
  cpu=$(awk '{print $4}' "$work/runs-$mode.txt" | median)
  rss=$(awk '{print $5}' "$work/runs-$mode.txt" | sort -n | tail -n1)
  code=$(awk '{print $6}' "$work/runs-$mode.txt" | sort -u | tr '\n' ' ')
  printf '%-12s %8.2f %8.1f %8s %8.2f %10.0f   (exit %s)\n' "$mode" "$wall" "$(awk -v b="$bytes" -v w="$wall" 'BEGIN {print b / 1048576 / w}')" \
    "$cpu" "$user" "$(awk -v r="$rss" 'BEGIN {print r / 1024}')" "$code"
done
echo "(exit 1 = findings reported, as expected on these drafts; cpu% above 100 means both cores were used)"

echo
echo "== start-up: compliance check one-small-file.md, median of 20 runs"
small="$work/small/one-small-file.md"
mkdir -p "$(dirname "$small")"
printf -- '---\nproduct: fund\nchannel: wechat-article\n---\n# 本周市场观察\n\n本基金由资深团队管理，坚持长期投资。\n\n市场有风险，投资需谨慎。\n' >"$small"
hyperfine -N --warmup 3 --runs 20 -i --export-json "$work/startup.json" \
  -n no-model "$cli check $small --no-model" -n model "$cli check $small" >/dev/null
python3 - "$work/startup.json" <<'EOF'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{r['command']:<12} median {r['median'] * 1000:7.1f} ms   (min {r['min'] * 1000:.1f}, max {r['max'] * 1000:.1f}, user {r['user'] * 1000:.1f} ms)")
EOF
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
