"""JupyterLab, as a student meets it: open notebook 01, Run All, see a chart and no error.

The server runs on 127.0.0.1 on a free port with a random token, on a temporary copy of the
notebooks, with its own config/runtime/workspace folders; every wait is bounded and the server
is always stopped. A screenshot is saved as ``reports/ui-jupyterlab-01.png``.
Set ``NEWSRESEARCH_UI_NOTEBOOK=path.ipynb`` to open another notebook instead.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from newsresearch.paths import NOTEBOOKS, REPORTS

NOTEBOOK = "01_tokenizing-the-article.ipynb"
SCREENSHOT = REPORTS / "ui-jupyterlab-01.png"
START_TIMEOUT = 90  # seconds for the server to answer
RUN_TIMEOUT = int(os.environ.get("NEWSRESEARCH_UI_RUN_TIMEOUT", "300"))  # Run All, seconds


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _notebook() -> Path:
    """Notebook 01 (or, before it exists, the first notebook of the series)."""
    chosen = os.environ.get("NEWSRESEARCH_UI_NOTEBOOK")
    if chosen:
        return Path(chosen)
    if (NOTEBOOKS / NOTEBOOK).exists():
        return NOTEBOOKS / NOTEBOOK
    found = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    if not found:
        pytest.skip("no notebook in notebooks/ to open in JupyterLab")
    return found[0]


@pytest.fixture
def lab(tmp_path):
    """Start JupyterLab on 127.0.0.1 over a temp copy of the notebooks; yield (url, token, dir)."""
    nb_dir = tmp_path / "notebooks"
    nb_dir.mkdir()
    source = _notebook()
    shutil.copy2(source, nb_dir / source.name)
    port, token = _free_port(), secrets.token_hex(16)
    home = tmp_path / "jupyter"
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # as a user's shell has it
    env.update(JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_RUNTIME_DIR=str(home / "run"),
               JUPYTER_DATA_DIR=str(home / "data"), JUPYTERLAB_SETTINGS_DIR=str(home / "settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"), JUPYTER_PLATFORM_DIRS="1")
    # no "Would you like to get notified about official Jupyter news?" toast over the page
    notification = home / "settings" / "@jupyterlab" / "apputils-extension"
    notification.mkdir(parents=True)
    (notification / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    # render every cell (no virtual scrolling), so outputs can be counted and photographed
    tracker = home / "settings" / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True)
    (tracker / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    # the kernel must be this environment's python, as the Makefile's `make lab` gives it
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
           f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={nb_dir}",
           "--LabApp.news_url=", "--allow-root"]
    log = open(tmp_path / "jupyterlab.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"JupyterLab exited early:\n{(tmp_path / 'jupyterlab.log').read_text()}")
            try:
                with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=5) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not answer within {START_TIMEOUT} s")
            time.sleep(0.5)
        yield url, token, nb_dir / source.name
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)  # the server and its kernels
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
        log.close()


def _saved_outputs(notebook: Path, *, timeout: float = 15) -> list[dict]:
    """The outputs in the notebook file, once JupyterLab has saved the run (bounded wait)."""
    deadline = time.monotonic() + timeout
    while True:
        nb = json.loads(notebook.read_text(encoding="utf-8"))
        outputs = [o for c in nb["cells"] for o in c.get("outputs", [])]
        if outputs or time.monotonic() > deadline:
            return outputs
        time.sleep(0.5)


def _wait_until_all_ran(page) -> None:
    """Wait until every code cell shows an execution number and the kernel is idle again."""
    page.wait_for_function(
        """() => {
            const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
            const done = prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
            const ind = document.querySelector('.jp-Notebook-ExecutionIndicator');
            return prompts.length > 0 && done && ind && ind.dataset.status === 'idle';
        }""",
        timeout=RUN_TIMEOUT * 1000,
    )


def test_notebook_runs_in_jupyterlab(lab, page):
    url, token, notebook = lab
    page.goto(f"{url}/lab/tree/{notebook.name}?token={token}", timeout=60_000)
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    # the kernel is ready when the toolbar's status says Idle
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)

    # Run -> Run All Cells, from the menu bar as a user would. Right after the page loads the
    # kernel can report "idle" before the session accepts work, so check that cells started
    # (a prompt shows [*] or a number) and ask again if not.
    for _attempt in range(3):
        page.locator(".jp-Notebook").first.click()
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-item[data-command='runmenu:run-all']").click()
        try:
            page.wait_for_function(
                """() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
                        .some(p => /\\[(\\*|\\d+)\\]/.test(p.textContent))""",
                timeout=20_000)
            break
        except Exception:  # playwright's TimeoutError: nothing started, try again
            continue
    else:
        pytest.fail("Run All Cells started nothing (three attempts)")

    try:
        _wait_until_all_ran(page)
    except Exception:
        page.screenshot(path=str(SCREENSHOT.with_name("ui-jupyterlab-01-failed.png")))
        prompts = page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()
        status = page.locator(".jp-Notebook-ExecutionIndicator").get_attribute("data-status")
        raise AssertionError(f"Run All did not finish: prompts {prompts}, kernel {status}") from None

    stderr = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    tracebacks = [t for t in stderr.all_inner_texts() if "Traceback" in t or "Error" in t]
    assert tracebacks == [], f"error output in the notebook:\n{tracebacks[0][:2000]}"

    images = page.locator(".jp-OutputArea-output img")
    assert images.count() >= 1, "no chart rendered in any output"
    assert images.first.evaluate("img => img.complete && img.naturalWidth > 0")
    images.first.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    assert images.first.is_visible()

    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000

    # the saved notebook agrees: no error output anywhere
    page.keyboard.press("Control+s")
    outputs = _saved_outputs(notebook)
    assert outputs, "the notebook was not saved with its outputs"
    errors = [f"{o['ename']}: {o['evalue']}" for o in outputs if o["output_type"] == "error"]
    assert errors == []
