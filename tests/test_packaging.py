"""Packaging and repository hygiene: dependency lists agree, notebooks stripped, import is light."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]


def _name(req: str) -> str:
    """Normalised distribution name of a requirement string ("vaderSentiment>=3" -> "vadersentiment")."""
    return re.split(r"[<>=!~;\[ ]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _environment_packages() -> set[str]:
    names = set()
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    deps = text.split("\ndependencies:\n", 1)[1]
    for line in deps.splitlines():
        m = re.match(r"^  - ([A-Za-z0-9_.-]+)", line)  # top-level conda dependencies only
        if m:
            names.add(_name(m.group(1)))
    return names - {"python", "pip"}


def test_environment_yml_and_pyproject_name_the_same_runtime_packages():
    runtime = {_name(r) for r in _pyproject()["project"]["dependencies"]}
    assert runtime, "no runtime dependencies found in pyproject.toml"
    assert _environment_packages() == runtime


def test_lock_pins_every_runtime_and_test_dependency():
    lock = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"not pinned with ==: {line}"
            lock[_name(name)] = version
    project = _pyproject()["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["test"]
    missing = {_name(r) for r in wanted} - set(lock)
    assert not missing, f"requirements.lock lacks {sorted(missing)}"


def test_python_requirement():
    assert _pyproject()["project"]["requires-python"] == ">=3.10"


def test_notebooks_are_committed_stripped():
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert notebooks, "no notebooks found"
    for nb in notebooks:
        data = json.loads(nb.read_text(encoding="utf-8"))
        for cell in data["cells"]:
            if cell["cell_type"] == "code":
                assert cell.get("outputs") == [], f"{nb.name}: a code cell has stored outputs"
                assert cell.get("execution_count") is None, f"{nb.name}: execution count stored"
        assert re.match(r"\d\d_[a-z0-9-]+\.ipynb$", nb.name), f"{nb.name}: name not NN_verb-object"


def test_notebooks_never_install_or_download():
    for nb in (ROOT / "notebooks").glob("*.ipynb"):
        text = nb.read_text(encoding="utf-8")
        assert "nltk.download(" not in text and "pip install" not in text, nb.name
        assert "sys.path" not in text, nb.name


def test_import_does_not_load_matplotlib_or_jupyter():
    # python -X importtime lists every module imported, one per line on stderr
    # the package and every module in it: heavy libraries are imported inside functions
    code = ("import pkgutil, importlib, newsresearch; "
            "[importlib.import_module('newsresearch.' + m.name) "
            "for m in pkgutil.iter_modules(newsresearch.__path__) if m.name != '__main__']")
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", code],
                          capture_output=True, text=True, check=True)
    modules = {line.split("|")[-1].strip() for line in proc.stderr.splitlines()
               if line.startswith("import time:")}
    assert "newsresearch" in modules
    heavy = {m for m in modules
             if m.split(".")[0] in {"matplotlib", "jupyter_core", "jupyterlab", "IPython",
                                    "ipykernel", "nltk", "textblob", "trafilatura", "sklearn"}}
    assert not heavy, f"import newsresearch pulled in {sorted(heavy)}"


def test_package_data_ships_the_resources():
    from newsresearch.resources import read_text, word_list

    assert "mr" in word_list("nltk_data/tokenizers/punkt_tab/english/abbrev_types.txt")
    assert "leave a" in read_text("boilerplate.tsv")


def test_ci_runs_make_test():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
