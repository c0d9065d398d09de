#!/usr/bin/env python3
"""CPU of drsim builds side by side on one scenario (issue 18's seed target, finer than seed.sh).

    bench/seed_ab.py N SCENARIO DRSIM... [peer]

Runs `DRSIM run SCENARIO --quiet --out DIR` for each DRSIM given (and bench/seed_peer SCENARIO
for the word `peer`) N times, one after the other in turn so that all see the same load, and
prints percentiles of each process's CPU time (user + system, from wait4: exact for the
process, unlike wall time on a shared machine). Several executables can be compared against
different engine modules: each loads the module beside it (lib/drsim/ next to the executable).
BUILD (default build/) is where bench/seed_peer is.
"""
import os
import shutil
import statistics
import sys
import tempfile


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    n, scenario, exes = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    build = os.environ.get("BUILD", os.path.join(os.path.dirname(__file__), "..", "build"))
    out = tempfile.mkdtemp()
    cpu = {e: [] for e in exes}
    null = os.open(os.devnull, os.O_WRONLY)
    for _ in range(n):
        for i, e in enumerate(exes):
            if e == "peer":
                cmd = [os.path.join(build, "bench", "seed_peer"), scenario]
            else:
                cmd = [e, "run", scenario, "--quiet", "--out", os.path.join(out, str(i))]
            pid = os.fork()
            if pid == 0:
                os.dup2(null, 1)
                os.dup2(null, 2)
                os.execv(cmd[0], cmd)
            _, status, usage = os.wait4(pid, 0)
            if status != 0:
                sys.exit(f"seed_ab: {' '.join(cmd)} failed ({status})")
            cpu[e].append((usage.ru_utime + usage.ru_stime) * 1e3)
    shutil.rmtree(out, ignore_errors=True)
    for e, v in cpu.items():
        v.sort()
        q = lambda p: v[int(p * (len(v) - 1))]
        print(f"{e:30s} p10 {q(.1):6.1f}  p25 {q(.25):6.1f}  median {q(.5):6.1f}  "
              f"mean {statistics.mean(v):6.1f} ms")


if __name__ == "__main__":
    main()
