#!/usr/bin/env bash
# Same deployment, same verdict: runs the suites N times against the faithful reference and two faults (a key
# compared by prefix; a non-atomic nonce store, the most timing-sensitive), and lists every check whose verdict
# differed between runs. Exits non-zero when one did. Usage: bench/repeat.sh N
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:?usage: bench/repeat.sh N}
dotnet build CrewPass.Conformance.sln -tl:off -v quiet -nologo > /dev/null
out=$(mktemp -d)
dirs=()
for i in $(seq 1 "$n"); do
  dir="$out/run-$i"
  CREWPASS_REPORT_DIRECTORY="$dir" CREWPASS_FUZZ_SEED=1 CREWPASS_FAIL_ON=should \
  CREWPASS_EMBEDDED_FAULTS=key-compared-by-prefix,non-atomic-nonce-check \
    dotnet test suites/CrewPass.Conformance.Suites --no-build -tl:off --results-directory "$dir" \
    --logger "trx;LogFileName=run.trx" > "$dir.log" 2>&1 || true
  dirs+=("$dir")
  printf '.'
done
echo
python3 bench/trx.py repeat "${dirs[@]}"
