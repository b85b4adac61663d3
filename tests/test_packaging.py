"""Packaging and repository hygiene: dependency lists agree, notebooks stripped, import is light."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

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


def test_import_does_not_load_duckdb_pyarrow_or_dask():
    code = "import newsresearch, newsresearch.corpus, newsresearch.results"
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", code],
                          capture_output=True, text=True, check=True)
    modules = {line.split("|")[-1].strip().split(".")[0] for line in proc.stderr.splitlines()
               if line.startswith("import time:")}
    assert "newsresearch" in modules
    heavy = modules & {"duckdb", "pyarrow", "dask", "distributed", "pandas", "numpy"}
    assert not heavy, f"import newsresearch.corpus pulled in {sorted(heavy)}"


def _imported_top_level_modules() -> set[str]:
    """Every module name the package's code imports (anywhere, also inside functions)."""
    import ast

    names = set()
    for path in (ROOT / "newsresearch").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"newsresearch", "__future__"}


def test_every_imported_package_is_a_declared_dependency():
    from importlib.metadata import packages_distributions

    project = _pyproject()["project"]
    runtime = {_name(r) for r in project["dependencies"]}
    optional = {_name(r) for r in project["optional-dependencies"]["dask"]}
    dists = packages_distributions()
    undeclared = {}
    for module in _imported_top_level_modules():
        provided_by = {_name(d) for d in dists.get(module, [module])}
        if not provided_by & (runtime | optional):
            undeclared[module] = sorted(provided_by)
    assert not undeclared, f"imported but not in pyproject.toml dependencies: {undeclared}"
    # trafilatura needs lxml.html.clean, which lxml >= 5.2 moved to its own distribution
    assert "lxml-html-clean" in runtime
    assert {"duckdb", "pyarrow"} <= runtime and {"dask", "distributed"} <= optional


@pytest.mark.slow
def test_plain_pip_install_in_a_clean_venv(tmp_path):
    """`pip install .` (no lock, no extras) gives a package that reads web pages and analyses."""
    import shutil
    import venv

    pages = ROOT.parent / "shared" / "data" / "corpora" / "html"
    if not pages.is_dir():
        pytest.skip(f"shared research data not available: {pages} (it lives beside the "
                    "checkout)")
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
        ".venv", ".git", "reports", "*.egg-info", "build", "__pycache__", ".*cache"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = str(env_dir / "bin" / "python")

    def pip(*args, timeout=1200):
        res = subprocess.run([py, "-m", "pip", "--disable-pip-version-check", *args],
                             capture_output=True, text=True, timeout=timeout)
        assert res.returncode == 0, f"pip {' '.join(args)} failed:\n{res.stdout[-3000:]}" \
                                    f"\n{res.stderr[-3000:]}"
        return res.stdout

    pip("install", "-q", str(src))
    pip("check")
    page = sorted(pages.glob("*.html"))[0]
    script = (
        "import newsresearch as nr\n"
        f"page = nr.read_article({str(page)!r})\n"
        "assert len(page.text.split()) > 100, page\n"
        f"a = nr.analyze(nr.read_article({str(ROOT / 'data/raw/000_08a178f498c347a9.txt')!r}))\n"
        "print(len(a.sentences), len(a.quotes) > 10, len(a.figures) > 20)\n")
    res = subprocess.run([py, "-c", script], capture_output=True, text=True, timeout=600,
                         cwd=tmp_path)
    assert res.returncode == 0, res.stderr[-3000:]
    assert res.stdout.split() == ["52", "True", "True"]
