#!/usr/bin/env bash
# Measures the harness against the embedded reference and prints one table: the suites' wall time with
# `dotnet test --no-build`, the time inside the run (TRX), the exhaustion wait apart, requests per run and per
# clause against what the checks need, the client certification of the Python sample, and the wall time of the fault matrix (with the legal-variation matrix, one run). Usage: bench/run.sh [--no-matrix | --scale | --harness | --warm | --service]
set -euo pipefail
cd "$(dirname "$0")/.."
# Each suites run's CPU (user and system seconds of dotnet test and every process it waited for): on two cores the
# harness is CPU-bound, so CPU is the steadier measure where wall times vary by a tenth from run to run.
TIMEFORMAT='%U %S'
dotnet build CrewPass.Conformance.sln -tl:off -v quiet -nologo > /dev/null
out=$(mktemp -d)
cpu_seconds() { local user sys; read -r user sys < "$1"; echo "$user + $sys" | bc; } # cpu_seconds FILE: what `time` wrote there

if [ "${1:-}" = "--service" ]; then
  # The certification service under N concurrent sessions (SERVICE_BENCH_SESSIONS, default 50), each running the Python
  # sample through every scenario: one instance on SQLite, then two on PostgreSQL (started as .ci/run starts it).
  [ -n "${SERVICE_TESTS_POSTGRES:-}" ] || eval "$(bash .ci/postgres)"
  echo "| storage | instances | sessions | session wall p50/p95/max | answer p50 | answer p95 | answers | judgement p50/p95/max | judged passed |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  for storage in Sqlite Postgres; do
    SERVICE_BENCH_OUT="$out/service.md" dotnet test tests/CrewPass.Conformance.Tests --no-build -tl:off \
      --filter "FullyQualifiedName~ServiceBench&Name~$storage" > "$out/service-$storage.log" 2>&1 \
      || echo "($storage: a session did not judge clean or the run failed: $out/service-$storage.log)"
  done
  cat "$out/service.md"
  [ -z "${SERVICE_TESTS_POSTGRES_STOP:-}" ] || eval "$SERVICE_TESTS_POSTGRES_STOP" > /dev/null
  echo "(raw output in $out)"
  exit 0
fi

if [ "${1:-}" = "--harness" ]; then
  # The harness's own tests as CI runs them (.ci/run's runtime variable), each suites run timed (SuiteRun, HARNESS_CPU_LOG).
  export DOTNET_EnableWriteXorExecute=0
  t0=$(date +%s.%N)
  { time env HARNESS_CPU_LOG="$out/runs.log" dotnet test tests/CrewPass.Conformance.Tests --no-build -tl:off \
    --results-directory "$out/harness" --logger "trx;LogFileName=harness.trx" > "$out/harness.log" 2>&1 || true; } 2> "$out/harness.cpu"
  wall=$(echo "$(date +%s.%N) - $t0" | bc)
  python3 bench/trx.py harness "$out/harness/harness.trx" "$out/runs.log" "$out/harness.cpu" "$wall"
  echo "(raw output in $out)"
  exit 0
fi

if [ "${1:-}" = "--warm" ]; then
  # Runs of the suites sharing one warm process (CrewPass.Conformance.Runner --runs: each run in a fresh load context,
  # NUnit and the frameworks loaded once) against one `dotnet test` each: what runs sharing one host would save the
  # harness. Both with the harness's runtime variables; default runs, then runs without WEB-01 and CLIENT (no child processes).
  export DOTNET_EnableWriteXorExecute=0 DOTNET_TC_CallCountThreshold=1000 DOTNET_TieredPGO=0
  dll=suites/CrewPass.Conformance.Suites/bin/Debug/net10.0/CrewPass.Conformance.Suites.dll
  runner=src/CrewPass.Conformance.Runner/bin/Debug/net10.0/CrewPass.Conformance.Runner.dll
  for what in default in-process-only; do
    vstest=(); nunit=()
    if [ "$what" = in-process-only ]; then
      vstest=(--filter "TestCategory!=WEB-01&TestCategory!~CLIENT-")
      nunit=(--where '<filter><not><or><cat>WEB-01</cat><cat re="1">^CLIENT-</cat></or></not></filter>')
    fi
    echo "$what:"
    # Each warm run counts the children it has reaped (a browser's driver may be reaped a run later): the host's total is the check.
    { time CREWPASS_REPORT_DIRECTORY="$out/warm-$what" dotnet "$runner" "$dll" --runs 4 "${nunit[@]}" > "$out/warm-$what.log" || true; } 2> "$out/warm-$what.cpu"
    sed -n 's/^CrewPass.Conformance.Runner: /  warm /p' "$out/warm-$what.log"
    warm=$(cpu_seconds "$out/warm-$what.cpu")
    printf "  the warm host in all: %.2f CPU-s, %.2f a run\n" "$warm" "$(echo "$warm / 4" | bc -l)"
    for i in 1 2 3; do
      t0=$(date +%s.%N)
      { time CREWPASS_REPORT_DIRECTORY="$out/cold-$what-$i" dotnet test "$dll" --results-directory "$out/cold-$what-$i" \
        --logger "trx;LogFileName=cold.trx" "${vstest[@]}" -- NUnit.AssemblySelectLimit=1000000 > "$out/cold-$what-$i.log" 2>&1 || true; } 2> "$out/cold-$what-$i.cpu"
      printf "  dotnet test %d: %s, %.2f s, %.2f CPU-s\n" "$i" "$(grep -o 'Passed: *[0-9]*' "$out/cold-$what-$i.log" | tr -s ' ')" \
        "$(echo "$(date +%s.%N) - $t0" | bc)" "$(cpu_seconds "$out/cold-$what-$i.cpu")"
    done
  done
  echo "warm run 1 pays the host's start and first compilation; later warm runs are what each further run would cost in a shared host."
  echo "(raw output in $out)"
  exit 0
fi

if [ "${1:-}" = "--scale" ]; then
  # The suites against the reference at N further reads (EmbeddedExtraEndpoints), with and without 100 ms of latency on
  # every answer. CLIENT checks are left out: they judge a client, whatever the deployment's size.
  printf "%-4s %-8s %7s %5s %9s %9s %9s %9s %7s %5s %5s %8s %7s\n" N latency checks "!pass" requests "req/added" "under test" "ut/added" other 429 peak wall cpu
  for latency in 0 100; do
    for n in 0 10 50; do
      dir="$out/scale-$n-$latency"
      trouble=(); [ "$latency" -gt 0 ] && trouble=(CREWPASS_EMBEDDED_TROUBLE="latency=$latency")
      t0=$(date +%s.%N)
      { time env CREWPASS_REPORT_DIRECTORY="$dir" CREWPASS_EMBEDDED_EXTRA_ENDPOINTS="$n" CREWPASS_FUZZ_SEED=1 "${trouble[@]}" \
        dotnet test suites/CrewPass.Conformance.Suites --no-build -tl:off --filter "TestCategory!~CLIENT-" --results-directory "$dir" \
        --logger "trx;LogFileName=scale.trx" --logger "console;verbosity=normal" > "$dir.log" 2>&1 || true; } 2> "$dir.cpu"
      wall=$(echo "$(date +%s.%N) - $t0" | bc)
      python3 bench/trx.py scale "$dir" "$dir.log" "$n" "$latency" "$wall"
    done
  done
  echo "checks: test cases; !pass: checks neither passed nor not applicable; requests: all the run sent; req/added: more per added read than at N=0."
  echo "under test: valid-key requests of the partner under test on the reference the reads run on (its budget), ut/added: per added read;"
  echo "other: the other partner's (AUTH-04 to AUTH-06 present its key); 429: answers the reference throttled for either; peak: most requests in flight."
  echo "cpu: user and system seconds of dotnet test and every process it waited for (the reference runs inside the test host)."
  echo "Budget of every partner but the rate-limit partner: 600 per minute (PartnerDirectory.PlanLimit)."
  echo "Default settings throughout: no worker count is given; a far target's shared reads go ahead of the checks."
  echo "(raw output in $out)"
  exit 0
fi

clock() { date +%s.%N; }
# The suites three times, as a developer runs them (the sample client's CLIENT checks included); the median is the row.
walls=()
for i in 1 2 3; do
  t0=$(clock)
  { time CREWPASS_REPORT_DIRECTORY="$out/suites-$i" CREWPASS_FUZZ_SEED=1 dotnet test suites/CrewPass.Conformance.Suites --no-build -tl:off \
    --results-directory "$out/suites-$i" --logger "trx;LogFileName=suites.trx" --logger "console;verbosity=normal" > "$out/suites-$i.log" 2>&1 \
    || { cat "$out/suites-$i.log"; exit 1; }; } 2> "$out/suites-$i.cpu"
  walls+=("$t0 $(clock)")
done
suites=$(python3 bench/trx.py median "$out" "${walls[@]}")

# The whole client certification of the Python sample: every CLIENT scenario, strict, as a partner runs it.
t0=$(clock)
CREWPASS_REPORT_DIRECTORY="$out/client" CREWPASS_CLIENT_COMMAND="python3 fixtures/clients/python/client.py" CREWPASS_STRICT=true \
  dotnet test suites/CrewPass.Conformance.Suites --no-build -tl:off --filter "TestCategory~CLIENT-" --results-directory "$out/client" \
  --logger "trx;LogFileName=client.trx" > "$out/client.log" 2>&1 || { cat "$out/client.log"; exit 1; }
client=$(echo "$(clock) - $t0" | bc)

matrix=""
if [ "${1:-}" != "--no-matrix" ]; then
  t0=$(clock)
  # 40 workers, as the harness runs the matrices (FaultMatrixTests.ManyTargetsWorkers): each target's RATE-05 sleeps on one.
  CREWPASS_REPORT_DIRECTORY="$out/matrix" CREWPASS_EMBEDDED_FAULTS=all CREWPASS_EMBEDDED_VARIATIONS=all CREWPASS_FAIL_ON=should CREWPASS_FUZZ_SEED=1 \
    dotnet test suites/CrewPass.Conformance.Suites --no-build -tl:off --results-directory "$out/matrix" \
    --logger "trx;LogFileName=matrix.trx" -- NUnit.NumberOfTestWorkers=40 > "$out/matrix.log" 2>&1 || true
  matrix=$(echo "$(clock) - $t0" | bc)
fi
python3 bench/trx.py table "$out" "$suites" "$client" $matrix
echo "(raw output in $out)"
