#!/usr/bin/env python3
"""Golden checks of the shipped scenarios: the story outcomes of CONTRACT.md, the result.json
fields every consumer relies on, and the blessed summary in test/golden/expected/.

usage: story.py RESULT.json SCENARIO_NAME EXPECTED_DIR [--bless]
"""
import json
import os
import sys

MON = 8 * 3600  # the shipped scenarios start Monday 08:00
EARLY_PM = (12 * 3600 - MON, 15 * 3600 - MON)  # "Monday early afternoon"
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def systems(r, **kw):
    return [s for s in r["systems"] if all(s.get(k) == v for k, v in kw.items())]


def codes(r):
    return {f["code"] for f in r["findings"]}


def up_in_early_afternoon(s):
    return s["up_s"] is not None and s["up_s"] <= EARLY_PM[1]


def contract_fields(r):
    for key in ["drsim_version", "scenario", "seed", "exercise", "systems", "milestones", "findings",
                "recovery", "metrics"]:
        check(key in r, f"result.json has /{key}")
    for key in ["name", "file", "sha256"]:
        check(key in r["scenario"], f"/scenario/{key}")
    for key in ["rto_target_h", "critical_up_s", "all_up_s", "rto_met"]:
        check(key in r["recovery"], f"/recovery/{key}")
    for key in ["peak_paging_pages_per_s", "vm_ipls", "tape_drive_utilisation", "events"]:
        check(key in r["metrics"], f"/metrics/{key}")
    for s in r["systems"]:
        for key in ["name", "kind", "host", "sie_level", "tier", "critical", "status", "up_s", "up_at",
                    "phases", "blocked_by"]:
            check(key in s, f"/systems/{s['name']}/{key}")
        check(s["status"] in ("up", "degraded", "blocked", "not_started", "forced_off"), f"{s['name']} status valid")
        check((s["status"] == "forced_off") == (s.get("forced_off") is not None), f"{s['name']} forced_off iff its interval")
        check((s["status"] == "blocked") == (s["blocked_by"] is not None), f"{s['name']} blocked_by iff blocked")
        for p in s["phases"]:
            check(p["start_s"] <= p["end_s"], f"{s['name']} phase {p['phase']} ordered")


def year1(r):
    zos = systems(r, kind="zos")
    check(len(zos) == 2 and all(up_in_early_afternoon(s) for s in zos), "year 1: both z/OS up by Monday early afternoon")
    vm = systems(r, name="VMPROD")[0]
    check(EARLY_PM[0] <= vm["up_s"] <= EARLY_PM[1], "year 1: z/VM up Monday early afternoon")
    for c in ["memory-shortfall", "no-expanded-storage", "third-level-guests", "missing-hipersockets"]:
        check(c in codes(r), f"year 1: finding {c}")
    check(r["metrics"]["peak_paging_pages_per_s"] >= 1000, "year 1: paging in the thousands of pages/s")
    linux = [s for s in systems(r, kind="linux") if s["role"] is None]
    check(all(s["sie_level"] == 3 for s in linux), "year 1: Linux at the 3rd SIE level")
    monday_18 = 18 * 3600 - MON
    reach = [s for s in linux if s["tier"] == "production" and s["up_s"] is not None and s["up_s"] <= monday_18]
    check(not reach, "year 1: no production Linux reaches z/OS by Monday 18:00")
    check(any(s["blocked_by"] == "missing-hipersockets" for s in linux), "year 1: Linux blocked by missing-hipersockets")
    check(not r["recovery"]["rto_met"], "year 1: RTO missed")


def year2(r):
    crit = [s for s in systems(r, kind="linux") if s["critical"] and s["planned"]]
    check(len(crit) == 3, "year 2: three critical guests in the plan")
    check(all(s["sie_level"] == 2 and up_in_early_afternoon(s) for s in crit),
          "year 2: the 3 critical guests up at the 2nd level by Monday early afternoon")
    check("missing-vswitch-controller" in codes(r), "year 2: finding missing-vswitch-controller")


def year3(r):
    linux = systems(r, kind="linux")
    check(len(linux) >= 20, "year 3: 20+ Linux guests")
    check(all(up_in_early_afternoon(s) and s["sie_level"] == 2 for s in linux),
          "year 3: all Linux guests up by Monday early afternoon at the 2nd level")
    check(r["metrics"]["vm_ipls"].get("VMPROD") == 2, "year 3: two VM IPLs")
    check("device-address-change" in codes(r), "year 3: finding device-address-change")
    check(not [f for f in r["findings"] if f["severity"] == "error"], "year 3: no finding of severity error")


def pre_linux(r):
    zos = systems(r, kind="zos")
    check(all(s["up_s"] is not None and s["up_s"] <= 18 * 3600 - MON for s in zos), "pre-Linux: z/OS up Monday afternoon")
    dist = systems(r, kind="distributed")
    wed_end = 2 * 86400 + 18 * 3600 - MON
    up_by_wed = [s for s in dist if s["up_s"] is not None and s["up_s"] <= wed_end]
    check(len(up_by_wed) * 2 > len(dist), "pre-Linux: distributed systems mostly up by the end of Wednesday")
    check(any(s["status"] != "up" for s in dist), "pre-Linux: some never made it up in the 4-day test")


def summary(r):
    """What the blessed file pins: each system's status and up time, milestones, findings."""
    return {
        "systems": {s["name"]: [s["status"], s["up_at"], s["blocked_by"]] for s in r["systems"]},
        "milestones": {m["id"]: m["at"] for m in r["milestones"]},
        "findings": sorted(f"{f['severity']} {f['code']} {f['subject']} {f['at']}" for f in r["findings"]),
        "rto_met": r["recovery"]["rto_met"],
        "vm_ipls": r["metrics"]["vm_ipls"],
    }


def main():
    path, name, expected_dir = sys.argv[1:4]
    bless = "--bless" in sys.argv
    r = json.load(open(path))
    contract_fields(r)
    {"insurance-2006-pre-linux": pre_linux, "insurance-2007-year1": year1,
     "insurance-2008-year2": year2, "insurance-2009-year3": year3}[name](r)
    exp_path = os.path.join(expected_dir, name + ".json")
    got = summary(r)
    if bless:
        with open(exp_path, "w") as f:
            json.dump(got, f, indent=1, sort_keys=True)
            f.write("\n")
    else:
        expected = json.load(open(exp_path))
        for key in expected:
            check(expected[key] == got[key], f"summary /{key} matches {exp_path} (scripts/bless.sh to update on purpose)")
    for f in failures:
        print("FAIL:", f)
    print(f"{name}: {len(failures)} failed")
    sys.exit(1 if failures else 0)


main()
