#!/usr/bin/env python3
"""Benchmark inputs for scorecard, from fixed seeds (stdlib only).

usage: gen.py [--out DIR] [--n N] [--authorities K]

Writes into DIR (default tests/bench/data):

  peers/dNNN.csv         the peers' chart data (month,la,sn; 24 rows), made
                         exactly as the team's peer benchmark (gen_data.py) makes it,
                         for the gnuplot and matplotlib scripts
  lac-1.json, lac-N.json the same charts as scorecard input: indicator k is
                         "Looked-after children, monthly", 24 monthly values
                         (2021-01 .. 2022-12) of "Our LA" from dNNN.csv, a
                         statistical-neighbours comparator and target 450
  report-40.json         a 40-indicator report shaped like input/example.json:
                         sections, monthly, quarterly and yearly series, targets
                         with amber bands, comparators, notes, gaps,
                         provisional points, numerators, breakdowns, commentary
  authorities/la-NNN.json  K authorities (default 153) of 40 indicators each,
                         each like report-40.json with its own seed and name

The same arguments always give the same bytes.
"""
import argparse
import json
import math
import os
import random

MON = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


# ---------------------------------------------------------------- peers' data

def peer_rows(i):
    """Chart i of the peers: gen_data.py's algorithm, call for call."""
    rng = random.Random(1000 + i)
    if i == 0:
        a, b = 702, 495
    else:
        a, b = rng.uniform(640, 760), rng.uniform(460, 560)
    ca, cb = rng.uniform(590, 640), rng.uniform(550, 600)
    rows = []
    for k in range(24):
        t = k / 23
        la = a + (b - a) * t + (rng.gauss(0, 12) if 0 < k < 23 else 0)
        sn = ca + (cb - ca) * t + rng.gauss(0, 6)
        rows.append((f"{MON[k % 12]} {21 + k // 12}", round(la), round(sn)))
    return rows


def write_peers(outdir, n):
    os.makedirs(outdir, exist_ok=True)
    for i in range(n):
        with open(os.path.join(outdir, f"d{i:03d}.csv"), "w") as f:
            f.write("month,la,sn\n")
            for r in peer_rows(i):
                f.write(f"{r[0]},{r[1]},{r[2]}\n")


def lac_report(n):
    """n indicators, indicator k = peers' chart k % 100."""
    inds = []
    for k in range(n):
        rows = peer_rows(k % 100)
        months = [f"{2021 + m // 12}-{m % 12 + 1:02d}" for m in range(24)]
        inds.append({
            "id": f"lac-{k:03d}",
            "title": "Looked-after children, monthly",
            "unit": "count",
            "better": "lower",
            "target": 450,
            "series": [{"period": p, "value": r[1]} for p, r in zip(months, rows)],
            "comparators": {"sn": [{"period": p, "value": r[2]} for p, r in zip(months, rows)]},
        })
    return {
        "report": {"title": "Looked-after children, monthly", "organisation": "Our LA",
                   "period": "2022-12"},
        "comparators": {"sn": "Statistical neighbours"},
        "indicators": inds,
    }


# ------------------------------------------------------ a report like example

# (section, id stem, title, unit, better, kind, lo, hi, target?, amber?, extras)
# kind: M24 / M12 / M6 monthly, Q7 / Q8 quarterly, Y6 years (one "as at" day
# last), Y3 years with no chart, ONE a single value.  The mix follows
# input/example.json: about half monthly, a third quarterly, a few yearly.
CATALOGUE = [
    ("Demand", "cla-count", "Children looked after", "count", "lower", "M24", 480, 700, (450, 480), "note,gap,prov"),
    ("Demand", "cla-rate", "Children looked after per 10,000 children", "rate10k", "neither", "M24", 80, 110, None, "comp3,gap,prov"),
    ("Demand", "referrals", "Referrals to children's social care", "count", "neither", "M24", 140, 260, None, "column"),
    ("Demand", "cin-count", "Children in need", "count", "lower", "M24", 1100, 1500, (1200, 1300), "comp1"),
    ("Demand", "cp-plans", "Children subject to a child protection plan", "count", "lower", "M12", 150, 260, (180, 200), "prov"),
    ("Demand", "cp-repeat", "Child protection plans starting within two years of a previous plan", "percent", "lower", "Q8", 12, 28, (20, 23), "num,comp2"),
    ("Placement stability", "ps-three-placements", "Children looked after with three or more placements in the year", "percent", "lower", "M24", 8, 14, (10, 11), "num,comp2,gap"),
    ("Placement stability", "ps-long-term", "Children in the same placement for two years or more", "percent", "higher", "Q7", 60, 75, (70, 65), "num,comp1"),
    ("Placement stability", "ps-moves", "Unplanned placement endings", "count", "lower", "M12", 6, 25, None, "column"),
    ("Placement stability", "ps-distance", "Children placed more than 20 miles from home", "percent", "lower", "Q7", 12, 22, (15, 17), "num,comp2"),
    ("Placement stability", "ps-residential", "Children in residential placements", "percent", "lower", "M12", 8, 14, None, "num"),
    ("Permanency", "pm-placed-with-parents", "Children placed with parents", "percent", "neither", "M12", 6, 10, None, "num,gap,prov"),
    ("Permanency", "pm-connected-carers", "Children placed with connected carers", "percent", "higher", "Q7", 14, 20, None, "num"),
    ("Permanency", "pm-sgo", "Special guardianship orders granted", "count", "higher", "Q8", 6, 20, None, "column"),
    ("Permanency", "pm-foster-care", "Children in foster care", "percent", "higher", "M6", 64, 72, (70, 65), "num,prov,breakdown"),
    ("Permanency", "pm-reunification", "Children returned home to their families", "count", "higher", "Q8", 8, 24, None, "column,comp1"),
    ("Adoption", "ad-entry-to-placement", "Average days between entering care and moving in with an adoptive family", "days", "lower", "Y6", 380, 520, 426, "comp1,note,prov"),
    ("Adoption", "ad-authority-to-match", "Average days between a placement order and a match", "days", "lower", "Y3", 110, 220, 121, "nochart"),
    ("Adoption", "ad-adopted", "Children adopted", "count", "higher", "Y6", 14, 40, None, "comp1"),
    ("Adoption", "ad-waiting", "Children waiting for adoption", "count", "lower", "Q8", 10, 30, (15, 20), ""),
    ("Quality of practice", "qp-visits", "Statutory visits on time", "percent", "higher", "M12", 88, 97, (95, 90), "num,prov"),
    ("Quality of practice", "qp-peps", "Personal education plans up to date", "percent", "higher", "Q7", 88, 98, (95, 90), "num"),
    ("Quality of practice", "qp-health", "Health assessments on time", "percent", "higher", "M12", 74, 92, (90, 85), "num"),
    ("Quality of practice", "qp-dental", "Dental checks in the year", "percent", "higher", "Q8", 30, 85, (80, 70), "comp1,note"),
    ("Quality of practice", "qp-reviews", "Reviews held on time", "percent", "higher", "M24", 85, 99, (95, 90), "num,gap"),
    ("Quality of practice", "qp-supervision", "Case supervision on time", "percent", "higher", "M12", 70, 95, (90, 80), "breakdown"),
    ("Quality of practice", "qp-audits", "Case audits rated good or better", "percent", "higher", "Q7", 40, 70, (60, 50), "num"),
    ("Education", "ed-ks2", "Children looked after reaching the expected standard at key stage 2", "percent", "higher", "Y6", 25, 45, None, "comp2"),
    ("Education", "ed-absence", "Children looked after persistently absent from school", "percent", "lower", "Q7", 9, 18, (12, 14), "num,comp1"),
    ("Education", "ed-exclusions", "Children looked after with a suspension", "percent", "lower", "Y6", 8, 16, None, "comp2"),
    ("Education", "ed-sen", "Children looked after with an education, health and care plan", "percent", "neither", "Y6", 24, 34, None, "comp1"),
    ("Care leavers", "cl-accommodation", "Care leavers in suitable accommodation", "percent", "higher", "Q7", 84, 94, (90, 85), "num,comp1"),
    ("Care leavers", "cl-neet", "Care leavers not in education, employment or training", "percent", "lower", "Q7", 35, 48, (35, 40), "num,comp1"),
    ("Care leavers", "cl-pathway-plan", "Care leavers with an up-to-date pathway plan", "percent", "higher", "ONE", 95, 99, None, "num"),
    ("Care leavers", "cl-in-touch", "Care leavers the authority is in touch with", "percent", "higher", "Q7", 88, 99, (95, 90), "num,comp2"),
    ("Care leavers", "cl-staying-put", "Care leavers staying put with former foster carers", "count", "higher", "M12", 12, 30, None, "column"),
    ("Workforce", "wf-caseload", "Average caseload of a social worker", "number", "lower", "M24", 14, 22, (17, 19), ""),
    ("Workforce", "wf-agency", "Social workers employed through agencies", "percent", "lower", "Q8", 10, 28, (15, 20), "comp2"),
    ("Workforce", "wf-vacancies", "Social worker vacancies", "percent", "lower", "Q8", 8, 22, (12, 15), "comp1"),
    ("Workforce", "wf-turnover", "Social worker turnover in the year", "percent", "lower", "Y6", 12, 22, (15, 18), "comp2"),
]
assert len(CATALOGUE) == 40

WORDS = ("the service team month quarter children carers placements review plan "
         "officers board improvement data quality figure trend partners recruitment "
         "court assessment practice support families edge care local national "
         "pressure capacity audit visits schools health workforce market demand").split()
OPENERS = ["Performance has", "The figure has", "This measure has", "The rate has", "The number has"]
MOVES = ["improved steadily", "fallen slightly", "risen this month", "held broadly level",
         "recovered after the dip in the spring", "moved against the target"]


def commentary(rng):
    paras = []
    for _ in range(rng.choice((1, 1, 2, 2, 3))):
        sents = []
        for _ in range(rng.randint(2, 4)):
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 18)))
            sents.append(f"{rng.choice(OPENERS)} {rng.choice(MOVES)}, and {words}.")
        paras.append(" ".join(sents))
    return "\n\n".join(paras)


def months_back(n, end_y=2022, end_m=1):
    out = []
    y, m = end_y, end_m
    for _ in range(n):
        out.append(f"{y}-{m:02d}")
        m -= 1
        if m == 0:
            y, m = y - 1, 12
    return out[::-1]


def quarters_back(n, fy=2021, q=3):
    out = []
    for _ in range(n):
        out.append(f"{fy}/{(fy + 1) % 100:02d} Q{q}")
        q -= 1
        if q == 0:
            fy, q = fy - 1, 4
    return out[::-1]


def years_back(n, fy=2020):
    return [f"{y}/{(y + 1) % 100:02d}" for y in range(fy - n + 1, fy + 1)]


def walk(rng, n, lo, hi, unit):
    """A trend from one end of [lo, hi] towards the other, with noise."""
    a, b = rng.uniform(lo, hi), rng.uniform(lo, hi)
    vals = []
    for k in range(n):
        t = k / max(1, n - 1)
        v = a + (b - a) * t + rng.gauss(0, (hi - lo) * 0.04)
        v = min(max(v, lo * 0.9), hi * 1.05)
        vals.append(round(v) if unit == "count" else round(v, 1))
    return vals


def series_periods(kind):
    return {"M24": lambda: months_back(24), "M12": lambda: months_back(12),
            "M6": lambda: months_back(6), "Q7": lambda: quarters_back(7),
            "Q8": lambda: quarters_back(8), "Y6": lambda: years_back(5) + ["2021-12-31"],
            "Y3": lambda: years_back(3), "ONE": lambda: quarters_back(1)}[kind]()


def indicator(rng, row, code):
    section, iid, title, unit, better, kind, lo, hi, target, extras = row
    extras = set(filter(None, extras.split(",")))
    periods = series_periods(kind)
    vals = walk(rng, len(periods), lo, hi, unit)
    pts = []
    for p, v in zip(periods, vals):
        pt = {"period": p, "value": v}
        if "num" in extras and unit == "percent":
            den = rng.randint(150, 550)
            num = max(6, round(v * den / 100))
            pt = {"period": p, "value": round(100 * num / den, 1), "numerator": num, "denominator": den}
        pts.append(pt)
    if "gap" in extras and len(pts) > 12:
        pts[13] = {"period": pts[13]["period"], "value": None}
    if "note" in extras:
        j = len(pts) - 1 if kind.startswith("Y") else len(pts) // 2
        pts[j]["note"] = ("Figure affected by the move to the new case management system; "
                          "it was checked by hand and may be revised.")
    if "prov" in extras:
        pts[-1]["provisional"] = True
    ind = {"id": iid, "code": code, "title": title, "section": section, "unit": unit}
    if better != "neither" or rng.random() < 0.5:
        ind["better"] = better
    if target is not None:
        ind["target"] = target if isinstance(target, (int, float)) else {"value": target[0], "amber": target[1]}
    ind["series"] = pts
    comps = [c for c, want in (("sn", "comp2" in extras or "comp3" in extras),
                               ("region", "comp3" in extras),
                               ("england", bool(extras & {"comp1", "comp2", "comp3"}))) if want]
    if comps:
        cps = periods[-8:] if kind.startswith("M") else periods[-4:]
        ind["comparators"] = {c: [{"period": p, "value": v} for p, v in
                                  zip(cps, walk(rng, len(cps), lo, hi, unit))] for c in comps}
    if "breakdown" in extras:
        labels = ["Foster care (in-house)", "Foster care (agency)", "Placed with parents",
                  "Residential", "Independent living", "Other"]
        ind["breakdown"] = {"title": f"{title} by type, January 2022", "period": "2022-01",
                            "items": [{"label": l, "value": rng.randint(20, 240)} for l in labels]}
    ind["commentary"] = commentary(rng)
    if "column" in extras:
        ind["chart"] = "column"
    elif "nochart" in extras:
        ind["chart"] = "none"
    return ind


PLACES = ("North South East West Upper Lower Great Little Old New Long High "
          "Kings Queens Castle Bridge Market Saint").split()
ROOTS = ("ford ham field bury wick ton by thorpe worth ley stead minster mouth "
         "bridge caster dale").split()
STEMS = ("Ash Brook Thorn Elm Oak Wood Stone Marsh Hart Mill Wey Avon Derwent "
         "Tam Lyn Fern Holm Ridge").split()
KINDS = ("Borough Council", "City Council", "County Council", "Metropolitan Borough Council",
         "Council")


def authority_name(rng):
    return f"{rng.choice(PLACES)} {rng.choice(STEMS)}{rng.choice(ROOTS)} {rng.choice(KINDS)}"


def example_like(seed, organisation=None):
    rng = random.Random(seed)
    org = organisation or authority_name(rng)
    inds = [indicator(rng, row, f"{row[1].split('-')[0].upper()}{k + 1}")
            for k, row in enumerate(CATALOGUE)]
    return {
        "report": {
            "title": "Corporate Parenting Board performance scorecard",
            "organisation": org,
            "period": "2022-01",
            "published": "2022-02-15",
            "introduction": commentary(rng),
            "contact": "Performance and Intelligence Team, Children's Services "
                       "(performance@council.example, 01234 567890)",
        },
        "comparators": {"sn": "Statistical neighbours", "region": "North East", "england": "England"},
        "indicators": inds,
    }


def dump(obj, path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=1, ensure_ascii=False)
        f.write("\n")


def grid_report(n, months):
    """n indicators of `months` monthly points each (the last provisional,
    one not available), with statistical neighbours: the spreadsheet
    benchmark's workbook, as JSON (bench.py converts it)."""
    rng = random.Random(n * 1000 + months)
    periods = []
    y, m = 2022, 1
    for _ in range(months):
        periods.append(f"{y:04d}-{m:02d}")
        m -= 1
        if m == 0:
            y, m = y - 1, 12
    periods.reverse()
    units = ["count", "percent", "rate10k", "days", "number"]
    inds = []
    for i in range(n):
        unit = units[i % len(units)]
        base = rng.uniform(20, 90) if unit == "percent" else rng.uniform(50, 700)
        series = []
        for k, p in enumerate(periods):
            v = round(base * (1 + 0.1 * math.sin(k / 3 + i)), 0 if unit == "count" else 1)
            if unit == "count":
                v = int(v)
            pt = {"period": p, "value": None if k == 5 else v}
            if k == months - 1:
                pt["provisional"] = True
            series.append(pt)
        inds.append({"id": f"ind-{i + 1:02d}", "code": f"X{i + 1}",
                     "title": f"Indicator {i + 1}", "section": f"Section {i // 8 + 1}",
                     "unit": unit, "better": "higher" if i % 2 else "lower",
                     "target": {"value": round(base, 1),
                                "amber": round(base * (0.9 if i % 2 else 1.1), 1)},
                     "series": series,
                     "comparators": {"sn": [{"period": p, "value": round(base * 0.95)}
                                            for p in periods]},
                     "commentary": "Commentary for the board. " * 4})
    return {"report": {"title": "Grid", "organisation": "Bench Borough",
                       "period": periods[-1]},
            "comparators": {"sn": "Statistical neighbours"}, "indicators": inds}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--out", default=os.path.join(here, "data"))
    ap.add_argument("--n", type=int, default=100, help="charts in lac-N.json (default 100)")
    ap.add_argument("--authorities", type=int, default=153)
    a = ap.parse_args()
    os.makedirs(os.path.join(a.out, "authorities"), exist_ok=True)
    write_peers(os.path.join(a.out, "peers"), max(100, a.n))
    dump(lac_report(1), os.path.join(a.out, "lac-1.json"))
    dump(lac_report(a.n), os.path.join(a.out, f"lac-{a.n}.json"))
    dump(example_like(40), os.path.join(a.out, "report-40.json"))
    dump(grid_report(40, 24), os.path.join(a.out, "grid-40x24.json"))
    for k in range(1, a.authorities + 1):
        dump(example_like(1000 + k), os.path.join(a.out, "authorities", f"la-{k:03d}.json"))


if __name__ == "__main__":
    main()
