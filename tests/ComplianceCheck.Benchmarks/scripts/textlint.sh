#!/usr/bin/env bash
# Side by side with textlint (item 4 of the performance issue): textlint + textlint-rule-prh + textlint-plugin-html,
# installed from npm into a temporary folder (nothing from npm is committed), with a prh dictionary holding the
# literal phrases of our phrase rules, against `compliance check` on the same 1,000 drafts (every tenth file of the
# generated repo of run.sh). Reports the wall-time ratio and which phrase findings each tool reports.
#
# Usage: tests/ComplianceCheck.Benchmarks/scripts/textlint.sh [--files N]
# Needs: .NET SDK, node + npm, hyperfine is not needed. Work folder: $CC_BENCH_WORK (default /tmp/cc-bench).
set -euo pipefail

root="$(cd "$(dirname "$0")/../../.." && pwd)"
work="${CC_BENCH_WORK:-/tmp/cc-bench}"
count=1000
while [ $# -gt 0 ]; do
  case "$1" in
    --files) count="$2"; shift 2 ;;
    *) echo "usage: $0 [--files N]" >&2; exit 2 ;;
  esac
done

command -v npm >/dev/null || { echo "textlint.sh: npm is missing" >&2; exit 2; }
mkdir -p "$work"
bench="$root/tests/ComplianceCheck.Benchmarks"
tool="$bench/bin/Release/net10.0/ComplianceCheck.Benchmarks.dll"
cli="$work/pub/compliance"
if [ ! -x "$cli" ]; then
  dotnet publish "$root/src/ComplianceCheck.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$work/pub" -v quiet -nologo >/dev/null
fi
[ -f "$tool" ] || dotnet build "$bench" -c Release -v quiet -nologo >/dev/null

repo="$work/repo-10000"
[ -d "$repo" ] || dotnet "$tool" gen-repo "$repo" --files 10000 --seed 42

# The same files for both tools: every tenth draft, copied flat into one folder.
subset="$work/textlint-subset-$count"
if [ ! -d "$subset" ]; then
  mkdir -p "$subset"
  find -L "$repo" -type f | sort | awk -v n="$count" 'NR % 10 == 1 && c < n { print; c++ }' | while read -r f; do
    cp "$f" "$subset/$(basename "$f")"
  done
fi
bytes=$(find -L "$subset" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')

npmdir="$work/textlint-npm"
if [ ! -x "$npmdir/node_modules/.bin/textlint" ]; then
  echo "== installing textlint, textlint-rule-prh, textlint-plugin-html into $npmdir"
  mkdir -p "$npmdir"
  (cd "$npmdir" && npm init -y >/dev/null && npm install --no-audit --no-fund textlint textlint-rule-prh textlint-plugin-html >/dev/null)
fi
dotnet "$tool" prh "$npmdir/prh.yml"
cat >"$npmdir/.textlintrc.json" <<EOF
{ "plugins": { "html": true }, "rules": { "prh": { "rulePaths": ["$npmdir/prh.yml"] } } }
EOF
echo "textlint $("$npmdir/node_modules/.bin/textlint" --version), textlint-rule-prh $(node -p "require('$npmdir/node_modules/textlint-rule-prh/package.json').version"), textlint-plugin-html $(node -p "require('$npmdir/node_modules/textlint-plugin-html/package.json').version")"

seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN {printf "%.2f", e - s}'; }

echo "== $count files, $(awk -v b="$bytes" 'BEGIN {printf "%.2f", b / 1048576}') MB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
t_textlint=$(cd "$npmdir" && seconds sh -c "node_modules/.bin/textlint --config .textlintrc.json -f json '$subset' > '$work/textlint.json'")
t_rules=$(seconds "$cli" check "$subset" --format json --no-model -o "$work/compliance-subset.json")
t_model=$(seconds "$cli" check "$subset" --format json -o "$work/compliance-subset-model.json")
printf '%-28s %8s %8s %12s\n' tool wall_s MB/s "vs textlint"
for row in "textlint+prh:$t_textlint" "compliance --no-model:$t_rules" "compliance (with model):$t_model"; do
  name="${row%%:*}"; t="${row##*:}"
  printf '%-28s %8.2f %8.2f %11.1fx\n' "$name" "$t" "$(awk -v b="$bytes" -v t="$t" 'BEGIN {print b / 1048576 / t}')" \
    "$(awk -v a="$t_textlint" -v t="$t" 'BEGIN {print a / t}')"
done

echo
echo "== phrase findings"
dotnet "$tool" compare-textlint "$work/textlint.json" "$work/compliance-subset.json"
