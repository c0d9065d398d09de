#!/usr/bin/python3
"""The Monte Carlo peer of bench/montecarlo.sh: year 1 (scenarios/insurance-2007-year1.json)
as a SimPy 2 model (Debian's python3-simpy 2.3) of the same shape, N replications in ONE
Python process: 94 full-pack restores on 4 manually mounted drives (lognormal mounts, uniform
locates, a restore-rate factor, unreadable cartridges), z/OS IPLs that may fail once, the z/VM
IPL, 26 guests XAUTOLOGged with a stagger, 8 distributed systems rebuilt by 3 teams, and a
once-a-minute monitor over the whole exercise (Mon 08:00 - Thu 18:00), as drsim's engine has.
It prints the replications' P50/P90 all-critical-up and its own wall time.

    /usr/bin/python3 bench/peers/year1_simpy.py SCENARIO.json N
"""
import json
import math
import random
import sys
import time

from SimPy.Simulation import (Process, Resource, SimEvent, activate, hold, initialize, now,
                              release, request, simulate, waitevent)

GB = 1e9
VOLUME_BYTES = {"3390-3": 2.838e9, "3390-9": 8.514e9, "3390-27": 27.0e9, "3390-54": 54.0e9}
NATIVE_BPS = {"3590H": 14e6, "3590E": 14e6, "3592J1A": 40e6, "TS1120": 100e6}
Z95 = 1.6448536269514722


def lognormal(rng, median, sigma):
    return median * math.exp(sigma * rng.gauss(0.0, 1.0))


class World:
    def __init__(self, sc, rng):
        self.sc, self.rng = sc, rng
        self.drives = Resource(capacity=sc["dr_site"]["tape"]["drives"])
        self.teams = Resource(capacity=3)
        self.left = {}
        self.restored = {}
        self.up = {}
        self.vm_up = SimEvent()
        self.busy = 0.0


class Restore(Process):
    def run(self, w, system, nbytes):
        yield request, self, w.drives
        rng = w.rng
        native = NATIVE_BPS.get(w.sc["dr_site"]["tape"]["drive_type"], 14e6)
        rate = min(native * 0.6 * 2.0 * rng.uniform(0.6, 1.0), 100e6, 60e6)
        reads = 1
        if rng.random() < 0.003:
            reads += 2 if rng.random() < 0.5 else 1
        for _ in range(reads):
            mount = lognormal(rng, 180.0, math.log(5) / Z95)
            yield hold, self, mount + 15 + rng.uniform(0, 90) + nbytes / rate + 70 * rng.uniform(0.5, 1.5) + 60
        yield release, self, w.drives
        w.left[system] -= 1
        if w.left[system] == 0:
            w.restored[system].signal()


class Ipl(Process):
    def run(self, w, system):
        if w.left[system["name"]] > 0:
            yield waitevent, self, w.restored[system["name"]]
        rng = w.rng
        sigma = math.sqrt(math.log1p(0.09))
        if system["kind"] == "zos":
            ipl = lognormal(rng, 480, sigma)
            if rng.random() < 0.15:
                ipl += rng.uniform(300, 1800) + lognormal(rng, 480, sigma)
            yield hold, self, ipl + lognormal(rng, 900, sigma)
            w.up[system["name"]] = now()
        else:
            yield hold, self, lognormal(rng, 240, sigma)
            w.up[system["name"]] = now()
            w.vm_up.signal()


class Guest(Process):
    def run(self, w, guest, delay):
        yield waitevent, self, w.vm_up
        yield hold, self, delay
        rng = w.rng
        sigma = math.sqrt(math.log1p(0.09))
        if guest["kind"] == "cms":
            yield hold, self, 10
        else:
            # 3rd-level SIE: the CPU half of boot and application start runs 4x slower
            boot = lognormal(rng, 180, sigma)
            app = lognormal(rng, 240, sigma) if guest.get("app_start", "240s") != "0s" else 0
            yield hold, self, (boot + app) * (0.5 + 0.5 * 4.0)
        w.up[guest["name"]] = now()


class Distributed(Process):
    def run(self, w, d, work_s):
        yield request, self, w.teams
        yield hold, self, lognormal(w.rng, work_s, math.sqrt(math.log1p(0.09)))
        yield release, self, w.teams
        w.up[d["name"]] = now()


class Monitor(Process):
    def run(self, w, guests, end_s):
        while now() < end_s:
            yield hold, self, 60
            load = 0.0
            for g in guests:
                if g["name"] in w.up:
                    load += 0.05
            w.busy += load


def duration_s(text):
    units = {"s": 1, "min": 60, "h": 3600}
    for u in ("min", "s", "h"):
        if text.endswith(u) and text[: -len(u)].replace(".", "").isdigit():
            return float(text[: -len(u)]) * units[u]
    return 0.0


def replicate(sc, seed, index, end_s):
    rng = random.Random(seed * 1000003 + index)
    initialize()
    w = World(sc, rng)
    for s in sc["production"]["systems"]:
        w.left[s["name"]] = 0
        w.restored[s["name"]] = SimEvent()
    for grp in sc["backups"]["volumes"]:
        for _ in range(grp["count"]):
            w.left[grp["system"]] += 1
            p = Restore()
            activate(p, p.run(w, grp["system"], VOLUME_BYTES[grp.get("model", "3390-9")]))
    for s in sc["production"]["systems"]:
        p = Ipl()
        activate(p, p.run(w, s))
    for i, g in enumerate(sc["production"]["guests"]):
        p = Guest()
        activate(p, p.run(w, g, 20.0 * i))
    for d in sc["production"]["distributed"]:
        p = Distributed()
        activate(p, p.run(w, d, duration_s(d["work"])))
    m = Monitor()
    activate(m, m.run(w, sc["production"]["guests"], end_s))
    simulate(until=end_s)
    critical = [s["name"] for s in sc["production"]["systems"] if s.get("critical", True)]
    critical += [g["name"] for g in sc["production"]["guests"] if g.get("critical")]
    critical += [d["name"] for d in sc["production"]["distributed"] if d.get("critical")]
    times = [w.up.get(n, math.inf) for n in critical]
    return max(times)


def main():
    sc = json.load(open(sys.argv[1]))
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    end_s = (3 * 86400 + 18 * 3600) - 8 * 3600
    t0 = time.monotonic()
    crit = sorted(replicate(sc, 1, i, end_s) for i in range(n))
    wall = time.monotonic() - t0
    p50, p90 = crit[(n - 1) // 2], crit[max(1, math.ceil(0.9 * n)) - 1]
    print("simpy2 peer: %d replications, all critical up P50 %.0f s, P90 %.0f s" % (n, p50, p90))
    print("wall_s %.3f" % wall)


if __name__ == "__main__":
    main()
