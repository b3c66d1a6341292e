#!/usr/bin/python3
"""matplotlib (Agg / SVG backend, OO API, no pyplot) version of the chart.
usage: chart_mpl.py FMT N [START] [OUTDIR] [DATADIR]   (FMT = png | svg)

Copied from the team's peer benchmark, mpl/chart_mpl.py (kept outside this
repository; this copy is all the project needs); changed only so that the data and output folders are
arguments (DATADIR default tests/bench/data/peers, as gen.py writes it)."""
import sys, os, time
t_import = time.perf_counter()
import matplotlib
matplotlib.use("Agg")
from matplotlib.figure import Figure
t_imported = time.perf_counter()

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[5] if len(sys.argv) > 5 else os.path.join(HERE, "..", "data", "peers")

def read(i):
    m, la, sn = [], [], []
    with open(os.path.join(DATA, f"d{i:03d}.csv")) as f:
        next(f)
        for line in f:
            a, b, c = line.rstrip("\n").split(",")
            m.append(a); la.append(float(b)); sn.append(float(c))
    return m, la, sn

def chart(i, fmt, outdir):
    months, la, sn = read(i)
    x = range(len(la))
    fig = Figure(figsize=(8, 4.5), dpi=100)
    fig.subplots_adjust(left=0.08, right=0.91, top=0.86, bottom=0.09)
    ax = fig.add_subplot()
    ax.plot(x, la, color="#1f66bf", lw=2.5, label="Our LA")
    ax.plot(x, sn, color="#f28c26", lw=2, label="Statistical neighbours")
    ax.axhline(450, color="#cc2626", lw=1.5, ls="--", label="Target (450)")
    ax.plot([23], [la[-1]], "o", color="#1f66bf", ms=6)
    ax.annotate(f"{la[-1]:g}", (23, la[-1]), xytext=(8, 0), textcoords="offset points",
                va="center", fontweight="bold", color="#1f66bf")
    ax.set_xticks(range(0, 24, 3), months[::3])
    ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(5, steps=[1, 2, 2.5, 5, 10]))
    ax.grid(axis="y", color="#dddddd")
    ax.set_axisbelow(True)
    for s in ("top", "right"):
        ax.spines[s].set_visible(False)
    ax.set_title("Looked-after children, monthly", loc="left", fontweight="bold", pad=22)
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), frameon=False, ncols=3, fontsize=9)
    fig.savefig(os.path.join(outdir, f"mpl_{i:03d}.{fmt}"), format=fmt)

def main():
    fmt = sys.argv[1]; n = int(sys.argv[2])
    start = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    outdir = sys.argv[4] if len(sys.argv) > 4 else os.path.join(HERE, "..", "out")
    t0 = time.perf_counter()
    for k in range(n):
        chart((start + k) % 100, fmt, outdir)
    t1 = time.perf_counter()
    print(f"charts={n} import_ms={(t_imported-t_import)*1e3:.1f} loop_ms={(t1-t0)*1e3:.1f} "
          f"per_chart_ms={(t1-t0)*1e3/n:.3f}", file=sys.stderr)

main()
