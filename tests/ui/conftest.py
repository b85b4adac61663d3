"""Browser tests: headless Chromium driven by Playwright (run them with ``make test-ui``).

They need Debian's ``/usr/bin/chromium`` and the ``playwright`` Python package, which
``make test-ui`` installs itself. ``make test`` must keep working on a machine without a
browser, so unless ``NEWSRESEARCH_UI=1`` (set by ``make test-ui``) nothing in this folder is
collected at all — no skipped tests, no import of playwright.
"""

from __future__ import annotations

import os
import shutil

import pytest

if os.environ.get("NEWSRESEARCH_UI") != "1":
    collect_ignore_glob = ["test_*.py"]

CHROMIUM = os.environ.get("NEWSRESEARCH_CHROMIUM", "/usr/bin/chromium")
# This machine's network is closed: without these flags Chromium's background services keep
# opening connections that are refused, which slows start-up and clutters the logs.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session (Debian's build, never a downloaded one)."""
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} not found: run `make test-ui`, which installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
                               timeout=60_000)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser):
    """A fresh page in its own context; JavaScript dialogs are recorded, not shown."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.set_default_timeout(30_000)
    try:
        yield pg
    finally:
        context.close()
