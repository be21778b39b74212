"""Reference peeling trajectories of PRIM from the EMA Workbench, for
tests/robustness.rs (tillit's own PRIM must reproduce them).

Run once, outside the tests:

    python3 -m venv venv && venv/bin/pip install ema_workbench==2.5.3 numpy pandas
    venv/bin/python make_fixture.py

It writes data.csv (200 points, three inputs uniform on [0, 1], y = 1 inside
the box x1 > 0.6 and x2 < 0.5 with 10 % of the labels flipped) and
expected-original.csv and expected-lenient1.csv: the peeling phase only
(no pasting) of ema_workbench.analysis.prim.Prim with peel_alpha=0.05,
mass_min=0.05, threshold=0.5, and the objective named in the file name.
Each row is one box of the trajectory, from the whole data (step 0).
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

for name, objective in [
    ("original", prim.PRIMObjectiveFunctions.ORIGINAL),
    ("lenient1", prim.PRIMObjectiveFunctions.LENIENT1),
]:
    p = prim.Prim(x, y, threshold=0.5, obj_function=objective, peel_alpha=0.05, mass_min=0.05)
    p._update_yi_remaining(p)
    box = prim.PrimBox(p, p.box_init, p.yi_remaining[:])
    box = p._peel(box)
    t = box.peeling_trajectory
    with open(f"expected-{name}.csv", "w") as f:
        f.write("step,n,k,coverage,density,mass,x1_low,x1_high,x2_low,x2_high,x3_low,x3_high\n")
        for i in range(len(t)):
            lims = box.box_lims[i]
            row = [i, int(t["n"][i]), int(t["k"][i]), float(t["coverage"][i]), float(t["density"][i]), float(t["mass"][i])]
            for c in ["x1", "x2", "x3"]:
                row += [float(lims[c][0]), float(lims[c][1])]
            f.write(",".join(repr(v) for v in row) + "\n")
    print(name, len(t), "steps; ema_workbench", ema_workbench.__version__)
