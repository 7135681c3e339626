#!/usr/bin/env python3
"""Reads what bench/run.sh and bench/repeat.sh need from TRX files and conformance reports."""
import glob, json, os, re, sys, xml.etree.ElementTree as ET
from datetime import datetime

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def seconds(duration):
    h, m, s = duration.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def results(trx):
    root = ET.parse(trx).getroot()
    names = {u.get("id"): (u.find("t:TestMethod", NS).get("className"), u.get("name")) for u in root.iterfind(".//t:UnitTest", NS)}
    for r in root.iterfind(".//t:UnitTestResult", NS):
        cls, name = names[r.get("testId")]
        target = re.search(r"\(([^)]*)\)$", cls)
        yield (target.group(1) if target else "", name), r.get("outcome"), seconds(r.get("duration"))


def stamp(t):
    """A TRX or recording time (seven fraction digits) as seconds since the epoch."""
    return datetime.fromisoformat(re.sub(r"(\.\d{6})\d*", r"\1", t)).timestamp()


def inside(trx):
    times = ET.parse(trx).getroot().find("t:Times", NS).attrib
    return stamp(times["finish"]) - stamp(times["start"])


def retry_after_waits(run_dir):
    """The longest time the sample client waited out a 429 (from the 429 to its next request), per rate-limited scenario."""
    waits = []
    for path in glob.glob(f"{run_dir}/client/client-recordings/client/rate-limited*/recording.json"):
        requests = json.load(open(path))["requests"]
        for i, r in enumerate(requests):
            if r["answer"].get("status") == 429 and i + 1 < len(requests):
                waits.append(stamp(requests[i + 1]["arrivedAt"]) - stamp(r["answer"]["at"]))
    return waits


def cpu(path):
    """User plus system seconds from bash's time keyword (TIMEFORMAT='%U %S'), or None without the file."""
    try:
        return sum(float(x) for x in open(path).read().split()[-2:])
    except (OSError, ValueError):
        return None


def median(run_dir, *walls):
    """Three suites runs: writes each one's wall and fixed costs to run_dir/suites-runs.txt, links the median run as
    run_dir/suites, and prints its wall (what bench/run.sh reads)."""
    rows = []
    for i, wall in enumerate(walls, 1):
        start, end = (float(x) for x in wall.split())
        root = ET.parse(glob.glob(f"{run_dir}/suites-{i}/*.trx")[0]).getroot()
        tests = [(stamp(r.get("startTime")), stamp(r.get("endTime"))) for r in root.iterfind(".//t:UnitTestResult", NS)]
        first, last = min(t[0] for t in tests), max(t[1] for t in tests)
        log = open(f"{run_dir}/suites-{i}.log").read()
        started = float(re.search(r"started and preflighted in ([\d.]+) s", log).group(1))
        # Chromium starts beside the checks (so it is inside "checks", not added to them), when the run has WEB-01 checks.
        browser = re.search(r"Chromium for WEB-01 started in ([\d.]+) s", log)
        rows.append((end - start, i, first - start - started, started, last - first, end - last, cpu(f"{run_dir}/suites-{i}.cpu") or 0,
                     float(browser.group(1)) if browser else 0))
    with open(f"{run_dir}/suites-runs.txt", "w") as out:
        out.write(f"{'suites run':14} {'wall':>7} {'host start':>11} {'targets start':>14} {'checks':>8} {'(Chromium start)':>17} {'after them':>11} {'CPU':>7}\n")
        for wall, i, host, targets, checks, after, seconds_cpu, chromium in sorted(rows, key=lambda r: r[1]):
            out.write(f"{'run ' + str(i):14} {wall:6.1f}s {host:10.1f}s {targets:13.2f}s {checks:7.1f}s {chromium:16.1f}s {after:10.1f}s {seconds_cpu:6.1f}s\n")
        wall, i, *_ = sorted(rows)[1]
        out.write(f"median: run {i}\n")
    os.symlink(f"{run_dir}/suites-{i}", f"{run_dir}/suites")
    print(f"{wall:.2f}")


def table(run_dir, suites_wall, client_wall, matrix_wall):
    trx = glob.glob(f"{run_dir}/suites/*.trx")[0]
    report = json.load(open(f"{run_dir}/suites/conformance-report.json"))
    rows = list(results(trx))
    waits = sum(d for (t, n), o, d in rows if n.startswith("RATE_05"))
    browser = max((d for (t, n), o, d in rows if n.startswith("WEB_01_A_page")), default=0)
    # A client's checks read the sandbox's recording, not requests of the harness: they need none.
    checks = [c for t in report["targets"] if t.get("kind", "deployment") == "deployment" for cl in t["clauses"] for c in cl["checks"]]
    minimum = sum(len(c["exchanges"]) for c in checks)
    actual = report["requests"]["total"]
    own = inside(trx)
    print(open(f"{run_dir}/suites-runs.txt").read())
    print(f"{'measure':58} {'value':>10}  goal")
    print(f"{'suites: dotnet test --no-build, wall (median of 3)':58} {suites_wall:9.1f}s  <= 5 s {'met' if suites_wall <= 5 else 'MISSED'}")
    used = cpu(os.readlink(f"{run_dir}/suites") + ".cpu")
    if used is not None:
        print(f"{'suites: CPU, user + system (the median run)':58} {used:9.1f}s  two cores")
    print(f"{'suites: time inside the run (TRX start to finish)':58} {own:9.1f}s")
    print(f"{'  of which RATE-05 exhaustion wait (Retry-After)':58} {waits:9.1f}s  listed apart")
    print(f"{'  of which the browser check (Chromium start, one page)':58} {browser:9.1f}s")
    print(f"{'  the rest: the checks themselves':58} {own - waits:9.1f}s  < 5 s {'met' if own - waits < 5 else 'MISSED'}")
    print(f"{'checks (test cases) in the run':58} {len(rows):10d}")
    print(f"{'HTTP requests sent in all (preflight, retries included)':58} {actual:10d}")
    print(f"{'requests the checks need (each check its own, shared once)':58} {minimum:10d}")
    print(f"{'ratio actual / needed':58} {actual / max(minimum, 1):10.2f}  <= 1.25 {'met' if actual <= 1.25 * minimum else 'MISSED'}")
    waits = retry_after_waits(run_dir)
    client_trx = glob.glob(f"{run_dir}/client/*.trx")[0]
    # The scenarios run side by side, so the two Retry-After waits overlap: the longest is what the wall time holds.
    longest = max(waits, default=0)
    print(f"{'client certification, Python sample (7 scenarios, strict), wall':58} {client_wall:9.1f}s")
    print(f"{'  of which the Retry-After waits it must honour (overlapped)':58} {longest:9.1f}s  listed apart ({', '.join(f'{w:.1f}' for w in waits)} s)")
    print(f"{'  without them':58} {client_wall - longest:9.1f}s  <= 30 s {'met' if client_wall - longest <= 30 else 'MISSED'}")
    print(f"{'  client checks':58} {sum(1 for _ in results(client_trx)):10d}")
    if matrix_wall is not None:
        matrix_trx = glob.glob(f"{run_dir}/matrix/*.trx")[0]
        print(f"{'fault matrix (faithful + every fault, one run), wall':58} {matrix_wall:9.1f}s  < 120 s {'met' if matrix_wall < 120 else 'MISSED'}")
        print(f"{'fault matrix checks':58} {sum(1 for _ in results(matrix_trx)):10d}")
    print()
    print("requests per clause:", ", ".join(f"{k} {v}" for k, v in sorted(report["requests"]["perClause"].items())))


BASE = {}


def scale(run_dir, log, n, latency, wall):
    """One row of bench/run.sh --scale, from the run's report and its console lines."""
    report = json.load(open(f"{run_dir}/conformance-report.json"))
    checks = sum(1 for _ in results(glob.glob(f"{run_dir}/*.trx")[0]))
    failing = sum(1 for t in report["targets"] for c in t["clauses"] for ch in c["checks"] if ch["outcome"] not in ("passed", "not applicable"))
    requests = report["requests"]["total"]
    pattern = r"valid-key requests on the (\w+) reference: partner under test (\d+) \((\d+) answered 429.*?other partner (\d+) \((\d+) answered 429"
    lines = {m[0]: [int(x) for x in m[1:]] for m in re.findall(pattern, open(log).read())}
    base_log = open(f"{run_dir.rsplit('-', 2)[0]}-0-{latency}.log").read() if int(n) else open(log).read()
    base = {m[0]: [int(x) for x in m[1:]] for m in re.findall(pattern, base_log)}
    base_requests = json.load(open(f"{run_dir.rsplit('-', 2)[0]}-0-{latency}/conformance-report.json"))["requests"]["total"] if int(n) else requests
    # The reads run on the disabled instance (this release); the enabled one serves the signing checks alone.
    valid, throttled, other, other_throttled = lines["disabled"]
    per = f"{(requests - base_requests) / int(n):.1f}" if int(n) else "-"
    valid_per_added = (valid - base["disabled"][0]) / int(n) if int(n) else None
    per_valid = f"{valid_per_added:.1f}" if int(n) else "-"
    peak = report["requests"].get("peakInFlight", 0)
    goals = ""
    if int(n):
        goals += f"  ut/added <= 10 {'met' if valid_per_added <= 10 else 'MISSED'}, no 429 {'met' if throttled + other_throttled == 0 else 'MISSED'}"
    if int(n) == 50 and int(latency) == 100:
        goals += f", 52 reads at 100 ms <= 25 s {'met' if float(wall) <= 25 else 'MISSED'}"
    used = cpu(f"{run_dir}.cpu")
    print(f"{n:<4} {latency + ' ms':<8} {checks:7d} {failing:5d} {requests:9d} {per:>9} {valid:9d} {per_valid:>9} {other:7d} {throttled + other_throttled:5d} {peak:5d} {float(wall):7.1f}s {used or 0:6.1f}s{goals}")


def repeat(run_dirs):
    verdicts = {}
    for d in run_dirs:
        for key, outcome, _ in results(glob.glob(f"{d}/*.trx")[0]):
            verdicts.setdefault(key, []).append(outcome)
    differing = {k: v for k, v in verdicts.items() if len(set(v)) > 1}
    # Generated malformed keys differ between runs only by seed; they are pinned, so names are stable.
    print(f"{len(run_dirs)} runs, {len(verdicts)} checks, {len(differing)} with differing verdicts")
    for (target, name), outcomes in sorted(differing.items()):
        print(f"  {target} {name}: " + ", ".join(f"{o} x{outcomes.count(o)}" for o in sorted(set(outcomes))))
    return 1 if differing else 0


def harness(trx, cpu_log, harness_cpu, wall):
    """The harness's own run: its wall and CPU, each suites run's CPU by name, how busy its workers were, the slowest tests."""
    try:
        root = ET.parse(trx).getroot()
    except (OSError, ET.ParseError) as e:
        sys.exit(f"harness: no TRX to read at {trx} ({e}): the harness did not run; its output is beside it (harness.log)")
    start = stamp(root.find("t:Times", NS).get("start"))
    spans = [(stamp(r.get("startTime")) - start, stamp(r.get("endTime")) - start, r.get("testName"), r.get("outcome"))
             for r in root.iterfind(".//t:UnitTestResult", NS)]
    end = max(e for _, e, _, _ in spans)
    outcomes = [o for _, _, _, o in spans]
    print(f"harness: {len(spans)} tests ({outcomes.count('Passed')} passed, {outcomes.count('Failed')} failed), "
          f"wall {float(wall):.0f} s, CPU {cpu(harness_cpu) or 0:.0f} s (dotnet test and every process it waited for)")
    runs = {}
    try:
        for line in open(cpu_log):
            # /usr/bin/time also writes "Command exited with non-zero status 1" for a run that failed, as many must.
            timed = re.match(r"([\d.]+) ([\d.]+) ([\d.]+) (\S+)$", line.strip())
            if not timed:
                continue
            e, u, sy, name = timed.groups()
            # sandbox-1 … sandbox-8 are one test's runs: one row.
            family = re.sub(r"-\d+$", "", name)
            n, c, w = runs.get(family, (0, 0.0, 0.0))
            runs[family] = (n + 1, c + float(u) + float(sy), max(w, float(e)))
    except OSError:
        pass
    if not runs:
        print("suites runs: not timed (HARNESS_CPU_LOG unset, or no /usr/bin/time)")
    else:
        total = sum(c for _, c, _ in runs.values())
        print(f"suites runs: {sum(n for n, _, _ in runs.values())}, CPU {total:.0f} s; by name, most CPU first (runs, CPU s, longest wall s):")
        for family, (n, c, w) in sorted(runs.items(), key=lambda kv: -kv[1][1]):
            print(f"  {family:<32} {n:3d} {c:7.1f} {w:7.1f}")
    # Tests running in each second of the harness's run, from the TRX (a class's one-time set-up is not in it: it counts as none).
    running = [min(2, sum(1 for s, e, _, _ in spans if s <= t + 0.5 < e)) for t in range(int(end) + 1)]
    print(f"tests running, share of {len(running)} s: two or more {running.count(2) / len(running):.0%}, "
          f"one {running.count(1) / len(running):.0%}, none {running.count(0) / len(running):.0%} (set-ups count as none)")
    print("ten slowest tests (s):")
    for s, e, name, _ in sorted(spans, key=lambda x: x[0] - x[1])[:10]:
        print(f"  {e - s:6.1f}  {name}")


if __name__ == "__main__":
    if sys.argv[1] == "scale":
        scale(*sys.argv[2:8])
    elif sys.argv[1] == "harness":
        harness(*sys.argv[2:6])
    elif sys.argv[1] == "median":
        median(sys.argv[2], *sys.argv[3:])
    elif sys.argv[1] == "table":
        table(sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]) if len(sys.argv) > 5 else None)
    else:
        sys.exit(repeat(sys.argv[2:]))
