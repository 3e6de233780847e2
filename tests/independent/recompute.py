#!/usr/bin/env python3
"""Independent recomputation of a cohort projection from its compiled schedules.

Usage:  python3 recompute.py DUMP.json [--flows]

DUMP.json is the model's `--dump-schedules` output (format "urbcast.schedules/1": the baseline
population and, per projected year, survival ratios, birth survival, fertility rates, sex ratio at
birth, internal migration rates, reclassification rate and external migration). The projection is
recomputed from the reference specification /work/shared/MODEL.md ("One step, year t -> t+1" and
"Outputs per year"), written from that text, not from the model's code. Standard library only.

Prints JSON: {"years": [{"year", "total", "urban", "rural", "urbanShare"}, ...]}; with --flows
each projected year also gets "flows": births/deaths by area, the internal flows, reclassification
and external migration by area. Exit status 2 (message on stderr) when the dump is malformed or a
step is infeasible (net emigration larger than a cell), 0 otherwise.

Where MODEL.md is ambiguous or silent, this script decides as follows (marked "AMBIGUITY" below):
  A1. s(99) is never used: Q(100) = (P(99) + P(100))·s(100); the dump stores s(100) at index 100.
  A2. Births sum over a = 0..99 with Q_F(a+1); for a = 99, Q_F(100) also holds the survivors of
      100+ (the pooled open group). MODEL.md's "ages the fertility pattern covers" leaves a = 100
      undefined (there is no Q(101)); a non-zero f(100) is rejected.
  A3. Newborns (age 0 of Q) take part in internal migration, reclassification and external
      migration in their birth year, as "per (s, a)" over a = 0..100 reads.
  A4. "Survivors" in deaths = start + births - survivors is the whole of Q (after step 2, before
      any migration), newborn survivors included.
  A5. An external rate applies to the area's start-of-year population, both sexes, all ages.
  A6. "A negative E larger than the cell it leaves" is judged cell by cell: E = -Q'' (a cell
      emptied exactly) is allowed; empty cells (Q'' = 0) receive nothing and cannot be exceeded.
  A7. MODEL.md does not say what a positive or negative N means for an area with Σ e·Q'' = 0;
      N = 0 is fine, anything else is rejected.
"""
import json
import math
import sys

BLOCKS = ("UF", "UM", "RF", "RM")
AGES = 101


class InputError(Exception):
    pass


def survive(P, s):
    """Step 1: Q(a+1) = P(a)·s(a), a = 0..98; Q(100) = (P(99) + P(100))·s(100). Q(0) set in step 2."""
    Q = [0.0] * AGES
    for a in range(99):
        Q[a + 1] = P[a] * s[a]
    Q[100] = (P[99] + P[100]) * s[100]  # AMBIGUITY A1
    return Q


def births(f, PF, QF):
    """Step 2: B = Σ_a f(a)·½[P_F(a) + Q_F(a+1)]."""
    if f[100] != 0:
        raise InputError("fertility at age 100+ is not defined by MODEL.md (no Q(101))")  # AMBIGUITY A2
    return math.fsum(f[a] * 0.5 * (PF[a] + QF[a + 1]) for a in range(100))


def step(P, st):
    """One year, MODEL.md steps 1-5. Returns the new state and the step's flows."""
    s = st["survival"]
    Q = {b: survive(P[b], s[b]) for b in BLOCKS}
    start = {"U": math.fsum(P["UF"]) + math.fsum(P["UM"]), "R": math.fsum(P["RF"]) + math.fsum(P["RM"])}

    srb = st["srb"]
    pi = srb / (1.0 + srb)
    B = {}
    for x in ("U", "R"):
        B[x] = births(st["fertility"][x], P[x + "F"], Q[x + "F"])
        Q[x + "M"][0] = pi * B[x] * st["birthSurvival"][x + "M"]
        Q[x + "F"][0] = (1.0 - pi) * B[x] * st["birthSurvival"][x + "F"]
    survivors = {x: math.fsum(Q[x + "F"]) + math.fsum(Q[x + "M"]) for x in ("U", "R")}  # AMBIGUITY A4

    # Step 3: internal migration, simultaneous, from Q.  Step 4: reclassification of Q'_R.
    c = st["reclassification"]
    F_RU, F_UR, F_C = [], [], []
    Q2 = {}
    for sex in ("F", "M"):
        m = st["ruralToUrban"][sex]
        r = st["urbanToRural"][sex]
        QU, QR = Q["U" + sex], Q["R" + sex]
        for name, rates in (("ruralToUrban", m), ("urbanToRural", r)):
            bad = [a for a in range(AGES) if not 0.0 <= rates[a] <= 1.0]
            if bad:
                raise InputError("%s rate at age %d is %r, outside [0, 1]" % (name, bad[0], rates[bad[0]]))
        ru = [QR[a] * m[a] for a in range(AGES)]  # AMBIGUITY A3 (a = 0 included)
        ur = [QU[a] * r[a] for a in range(AGES)]
        R1 = [QR[a] - ru[a] + ur[a] for a in range(AGES)]
        U1 = [QU[a] + ru[a] - ur[a] for a in range(AGES)]
        cl = [R1[a] * c for a in range(AGES)]
        Q2["R" + sex] = [R1[a] - cl[a] for a in range(AGES)]
        Q2["U" + sex] = [U1[a] + cl[a] for a in range(AGES)]
        F_RU += ru
        F_UR += ur
        F_C += cl

    # Step 5: external migration, spread over sex and age in proportion to e(a)·Q''(a).
    ext = st["external"]
    e = ext["schedule"]
    new = {}
    N = {}
    for x in ("U", "R"):
        spec = ext[x]
        N[x] = spec["count"] if "count" in spec else spec["rate"] * start[x]  # AMBIGUITY A5
        w = math.fsum(e[a] * Q2[x + sex][a] for sex in ("F", "M") for a in range(AGES))
        if N[x] != 0 and not w > 0:
            raise InputError("%s: net external migration of %r into an area with no weight" % (st["year"], N[x]))  # AMBIGUITY A7
        for sex in ("F", "M"):
            q = Q2[x + sex]
            E = [N[x] * e[a] * q[a] / w if N[x] != 0 else 0.0 for a in range(AGES)]
            for a in range(AGES):
                if E[a] < -q[a]:  # AMBIGUITY A6
                    raise InputError(
                        "%s: net external emigration of %r from %s%s age %d exceeds the cell (%r)" % (st["year"], -E[a], x, sex, a, q[a])
                    )
            new[x + sex] = [q[a] + E[a] for a in range(AGES)]

    flows = {
        "births.U": B["U"],
        "births.R": B["R"],
        "deaths.U": start["U"] + B["U"] - survivors["U"],
        "deaths.R": start["R"] + B["R"] - survivors["R"],
        "ruralToUrban": math.fsum(F_RU),
        "urbanToRural": math.fsum(F_UR),
        "reclassification": math.fsum(F_C),
        "external.U": N["U"],
        "external.R": N["R"],
    }
    return new, flows


def totals(year, P, flows=None):
    U = math.fsum(P["UF"]) + math.fsum(P["UM"])
    R = math.fsum(P["RF"]) + math.fsum(P["RM"])
    row = {"year": year, "total": U + R, "urban": U, "rural": R, "urbanShare": U / (U + R)}
    if flows is not None:
        row["flows"] = flows
    return row


def recompute(dump, with_flows=False):
    if dump.get("format") != "urbcast.schedules/1":
        raise InputError("expected format urbcast.schedules/1, found %r" % dump.get("format"))
    P = {b: [float(v) for v in dump["baseline"][b]] for b in BLOCKS}
    for b in BLOCKS:
        if len(P[b]) != AGES:
            raise InputError("baseline.%s has %d ages, expected 101" % (b, len(P[b])))
    years = [totals(dump["years"][0], P)]
    for st in dump["steps"]:
        P, flows = step(P, st)
        years.append(totals(st["year"], P, flows if with_flows else None))
    return {"years": years}


def main(argv):
    files = [a for a in argv if not a.startswith("--")]
    if len(files) != 1:
        sys.stderr.write("usage: recompute.py DUMP.json [--flows]\n")
        return 2
    try:
        with open(files[0], encoding="utf-8") as fh:
            dump = json.load(fh)
        result = recompute(dump, "--flows" in argv)
    except (OSError, ValueError, KeyError, TypeError, InputError) as err:
        sys.stderr.write("%s: %s\n" % (files[0], err))
        return 2
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
