#!/usr/bin/env bash
# Measures the harness against the embedded reference and prints one table: the suites' wall time with
# `dotnet test --no-build`, the time inside the run (TRX), the exhaustion wait apart, requests per run and per
# clause against what the checks need, the client certification of the Python sample, and the wall time of the fault matrix (with the legal-variation matrix, one run). Usage: bench/run.sh [--no-matrix]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build CrewPass.Conformance.sln -tl:off -v quiet -nologo > /dev/null
out=$(mktemp -d)

clock() { date +%s.%N; }
t0=$(clock)
CREWPASS_REPORT_DIRECTORY="$out/suites" CREWPASS_FUZZ_SEED=1 dotnet test suites/CrewPass.Conformance.Suites --no-build -tl:off \
  --results-directory "$out/suites" --logger "trx;LogFileName=suites.trx" > "$out/suites.log" 2>&1 || { cat "$out/suites.log"; exit 1; }
suites=$(echo "$(clock) - $t0" | bc)

# The whole client certification of the Python sample: every CLIENT scenario, strict, as a partner runs it.
t0=$(clock)
CREWPASS_REPORT_DIRECTORY="$out/client" CREWPASS_CLIENT_COMMAND="python3 fixtures/clients/python/client.py" CREWPASS_STRICT=true \
  dotnet test suites/CrewPass.Conformance.Suites --no-build -tl:off --filter "TestCategory~CLIENT-" --results-directory "$out/client" \
  --logger "trx;LogFileName=client.trx" > "$out/client.log" 2>&1 || { cat "$out/client.log"; exit 1; }
client=$(echo "$(clock) - $t0" | bc)

matrix=""
if [ "${1:-}" != "--no-matrix" ]; then
  t0=$(clock)
  CREWPASS_REPORT_DIRECTORY="$out/matrix" CREWPASS_EMBEDDED_FAULTS=all CREWPASS_EMBEDDED_VARIATIONS=all CREWPASS_FAIL_ON=should CREWPASS_FUZZ_SEED=1 \
    dotnet test suites/CrewPass.Conformance.Suites --no-build -tl:off --results-directory "$out/matrix" \
    --logger "trx;LogFileName=matrix.trx" > "$out/matrix.log" 2>&1 || true
  matrix=$(echo "$(clock) - $t0" | bc)
fi
python3 bench/trx.py table "$out" "$suites" "$client" $matrix
echo "(raw output in $out)"
