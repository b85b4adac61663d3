"""Build ``newsresearch/resources/actors_given_names.csv`` from public name statistics.

Source: the name data of the ``nomquamgender`` package (version 0.1.4, MIT licence; Van Buskirk,
Clauset & Larremore 2023, "An open-source cultural consensus approach to name-based gender
classification", ICWSM), which pools 36 public name–gender sources from many countries into, per
(unaccented, lower-case) given name: the number of sources, the number of people counted and the
share of them recorded female, p(female).

Kept: alphabetic names (with ' or -) counted for at least ``MIN_COUNT`` people in at least
``MIN_SOURCES`` sources. A name's gender is given only when it is clear: p(female) >= ``CLEAR``
(female) or <= 1 - ``CLEAR`` (male) — the package's own default cut-off. The others — "Chris"
(p 0.12), "Jordan" (0.11), "Jean" (0.48), "Andrea" (0.83), "Kim" (0.67) — are listed as
``unknown``, so that no other list can give them a gender.

Run (the registry's wheel, not installed; nothing else is downloaded)::

    pip download --no-deps -d /tmp/nqg nomquamgender==0.1.4
    .venv/bin/python benchmarks/build_given_names.py /tmp/nqg/nomquamgender-0.1.4-py3-none-any.whl
"""

from __future__ import annotations

import json
import re
import sys
import zipfile
from pathlib import Path

MIN_COUNT = 25
MIN_SOURCES = 2
CLEAR = 0.9
OUT = Path(__file__).resolve().parents[1] / "newsresearch" / "resources" / "actors_given_names.csv"
_NAME = re.compile(r"[a-z][a-z'-]*[a-z]")

HEADER = f"""\
# Given names whose gender is clear, derived from public name statistics (built by
# benchmarks/build_given_names.py; do not edit by hand — add your own with names=).
# Source: the name data of the nomquamgender package 0.1.4 (MIT licence; Van Buskirk, Clauset &
# Larremore 2023, "An open-source cultural consensus approach to name-based gender
# classification"), which pools 36 public name-gender sources from many countries.
# Kept: names counted for >= {MIN_COUNT} people in >= {MIN_SOURCES} sources. gender is female when
# p(female) >= {CLEAR}, male when p(female) <= {1 - CLEAR:.1f}, else unknown (ambiguous: Chris, Jordan,
# Jean, Andrea, Kim), and an unknown name gets no gender from any other list. Names are lower
# case without accents (the lookup folds "José" to "jose"). Used only for the gender column,
# never as evidence that a word is a name.
name,gender
"""


def build(wheel: str) -> list[tuple[str, str]]:
    with zipfile.ZipFile(wheel) as z:
        data = json.loads(z.read("nomquamgender/name_data.json"))
    rows = []
    for name, (sources, count, p_female, *_rest) in data.items():
        if not _NAME.fullmatch(name) or count < MIN_COUNT or sources < MIN_SOURCES:
            continue
        gender = ("female" if p_female >= CLEAR else "male" if p_female <= 1 - CLEAR
                  else "unknown")
        rows.append((name, gender))
    return sorted(rows)


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: build_given_names.py nomquamgender-0.1.4-py3-none-any.whl")
    rows = build(sys.argv[1])
    OUT.write_text(HEADER + "".join(f"{n},{g}\n" for n, g in rows), encoding="utf-8")
    n = {g: sum(r[1] == g for r in rows) for g in ("female", "male", "unknown")}
    print(f"wrote {OUT.name}: {len(rows)} names ({n['female']} female, {n['male']} male, "
          f"{n['unknown']} unknown)")


if __name__ == "__main__":
    main()
