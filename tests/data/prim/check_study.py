"""Checks a robustness folder's PRIM trajectories (boxes.csv) against the
EMA Workbench: for each arm and outcome in boxes.csv, the kept worlds'
values (worlds.csv) labelled by whether the arm does worse (effects.csv)
go through ema_workbench.analysis.prim.Prim (peeling, then pasting, with
the folder's peel_alpha, paste_alpha, min_mass and objective), and every
step's n, k and limits must equal the folder's.

Not part of the tests (it needs Python and a study folder):

    python3 -m venv venv && venv/bin/pip install ema_workbench==2.5.3 numpy pandas
    venv/bin/python check_study.py results/robustness-robustness

`find_box` itself is not called: it replaces a last box whose share is
below its threshold by the box of all points, which tillit does not do
(docs/ROBUSTNESS.md); `_peel` and `_paste` are the steps it runs.
"""

import json
import sys

import numpy as np
import pandas as pd
from ema_workbench.analysis import prim

folder = sys.argv[1]
manifest = json.load(open(f"{folder}/manifest.json"))
settings = manifest["prim"]
objective = {
    "original": prim.PRIMObjectiveFunctions.ORIGINAL,
    "lenient1": prim.PRIMObjectiveFunctions.LENIENT1,
}[settings["objective"]]
keys = [u["key"] for u in manifest["uncertain"]]
worlds = pd.read_csv(f"{folder}/worlds.csv").set_index("world")
effects = pd.read_csv(f"{folder}/effects.csv")
boxes = pd.read_csv(f"{folder}/boxes.csv")
failed = 0
for (arm, outcome), mine in boxes.groupby(["arm", "outcome"], sort=False):
    e = effects[(effects.arm == arm) & (effects.outcome == outcome) & np.isfinite(effects["mean"])]
    x = worlds.loc[e.world, keys].reset_index(drop=True).astype(float)
    y = (e.verdict == "worse").astype(int).to_numpy()
    p = prim.Prim(
        x,
        y,
        threshold=0.5,
        obj_function=objective,
        peel_alpha=settings["peel_alpha"],
        paste_alpha=settings.get("paste_alpha", 0.05),
        mass_min=settings["min_mass"],
    )
    p._update_yi_remaining(p)
    box = p._peel(prim.PrimBox(p, p.box_init, p.yi_remaining[:]))
    peeled = len(box.peeling_trajectory)
    box = p._paste(box)
    t = box.peeling_trajectory
    steps = mine[mine.box != "shown"]
    wrong = int(steps.step.nunique() != len(t))
    for i in range(min(len(t), steps.step.nunique())):
        rows = steps[steps.step == i]
        lims = box.box_lims[i]
        restricted = [k for k in keys if not (lims[k] == p.box_init[k]).all()]
        named = [r for r in rows.parameter if isinstance(r, str)]
        kind = "peel" if i < peeled else "paste"
        wrong += int(
            rows.n.iloc[0] != t.n[i]
            or rows.k.iloc[0] != t.k[i]
            or (rows.box != kind).any()
            or sorted(named) != sorted(restricted)
            or any(
                abs(lims[r.parameter][0] - r.low) > 1e-12 or abs(lims[r.parameter][1] - r.high) > 1e-12
                for r in rows.itertuples()
                if isinstance(r.parameter, str)
            )
        )
    failed += wrong
    print(
        f"{arm} {outcome}: {len(x)} worlds, {y.sum()} worse; EMA Workbench "
        f"{peeled} peeled + {len(t) - peeled} pasted; {'same' if not wrong else f'{wrong} steps differ'}"
    )
sys.exit(1 if failed else 0)
