"""Project paths: one place that knows where data, reports and resources live.

Follows cookiecutter-data-science: ``PROJ_ROOT`` is the repository checkout when the package
is used from it (``make`` installs it in editable mode); otherwise the current directory.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES = PACKAGE_DIR / "resources"

_checkout = PACKAGE_DIR.parent
PROJ_ROOT = _checkout if (_checkout / "pyproject.toml").is_file() else Path.cwd()

DATA = PROJ_ROOT / "data"
RAW = DATA / "raw"
PROCESSED = DATA / "processed"
#: Our own hand coding of the sample article (sentences, actors, sentiment, quotes, figures).
ANNOTATIONS = DATA / "annotations"
REPORTS = PROJ_ROOT / "reports"
FIGURES = REPORTS / "figures"
TABLES = REPORTS / "tables"
NOTEBOOKS = PROJ_ROOT / "notebooks"

#: The article the project is built around, byte-for-byte as received.
SAMPLE_ARTICLE = RAW / "000_08a178f498c347a9.txt"

#: The open teaching corpus of notebook 06: 291 English Wikinews articles of 2019-2020
#: (CC BY 2.5, Wikinews contributors; attribution in ``data/raw/wikinews/README.md``).
WIKINEWS = RAW / "wikinews" / "wikinews_2019_2020.jsonl"
#: Where ``make run`` (and notebook 06, when it is missing) keeps the analysed Wikinews corpus.
WIKINEWS_RESULTS = PROCESSED / "wikinews"

#: The shared research data beside the checkout (tests and benchmarks only; may be absent).
SHARED = PROJ_ROOT.parent / "shared"
