"""Reference trajectories of PRIM from the EMA Workbench, for
tests/robustness.rs (tillit's own PRIM must reproduce them).

Run once, outside the tests:

    python3 -m venv venv && venv/bin/pip install ema_workbench==2.5.3 numpy pandas
    venv/bin/python make_fixture.py

(Last run with ema_workbench 2.5.3, numpy 2.4.6, pandas 3.1.1, Python 3.11.)
It writes data.csv (200 points, three inputs uniform on [0, 1], y = 1 inside
the box x1 > 0.6 and x2 < 0.5 with 10 % of the labels flipped) and
expected-original.csv and expected-lenient1.csv: the whole trajectory of
one box of ema_workbench.analysis.prim.Prim (`find_box`: peeling, then
pasting the last peeled box) with peel_alpha=0.05, paste_alpha=0.05,
mass_min=0.05, threshold=0.5, and the objective named in the file name.
Each row is one box of the trajectory, from the whole data (step 0);
`phase` says whether peeling or pasting made it (found by peeling alone
with a second Prim, `Prim._peel`, which must give the same first boxes).
"""

import numpy as np
import pandas as pd
import ema_workbench
from ema_workbench.analysis import prim

rng = np.random.default_rng(20260101)
n = 200
x = pd.DataFrame({f"x{i + 1}": rng.random(n) for i in range(3)})
inside = (x["x1"] > 0.6) & (x["x2"] < 0.5)
flip = rng.random(n) < 0.1
y = (inside ^ flip).astype(int).to_numpy()

with open("data.csv", "w") as f:
    f.write("x1,x2,x3,y\n")
    for i in range(n):
        f.write(",".join(repr(float(v)) for v in x.iloc[i]) + f",{y[i]}\n")


def make(objective):
    return prim.Prim(
        x,
        y,
        threshold=0.5,
        obj_function=objective,
        peel_alpha=0.05,
        paste_alpha=0.05,
        mass_min=0.05,
    )


for name, objective in [
    ("original", prim.PRIMObjectiveFunctions.ORIGINAL),
    ("lenient1", prim.PRIMObjectiveFunctions.LENIENT1),
]:
    # Peeling alone, to know where pasting starts.
    p = make(objective)
    p._update_yi_remaining(p)
    peeled = p._peel(prim.PrimBox(p, p.box_init, p.yi_remaining[:]))
    n_peeled = len(peeled.peeling_trajectory)

    # The whole of find_box: peeling, then pasting.
    p = make(objective)
    box = p.find_box()
    t = box.peeling_trajectory
    assert len(t) >= n_peeled
    for i in range(n_peeled):
        assert box.box_lims[i].equals(peeled.box_lims[i]), (name, i)
    # find_box keeps the box (not a dump box of all points): its mean
    # passes the threshold.
    assert box.mean >= 0.5 and len(t) > 1, name

    with open(f"expected-{name}.csv", "w") as f:
        f.write("step,phase,n,k,coverage,density,mass,x1_low,x1_high,x2_low,x2_high,x3_low,x3_high\n")
        for i in range(len(t)):
            lims = box.box_lims[i]
            phase = "peel" if i < n_peeled else "paste"
            row = [int(t["n"][i]), int(t["k"][i]), float(t["coverage"][i]), float(t["density"][i]), float(t["mass"][i])]
            for c in ["x1", "x2", "x3"]:
                row += [float(lims[c][0]), float(lims[c][1])]
            f.write(f"{i},{phase}," + ",".join(repr(v) for v in row) + "\n")
    print(name, n_peeled, "peeled,", len(t) - n_peeled, "pasted; ema_workbench", ema_workbench.__version__)
