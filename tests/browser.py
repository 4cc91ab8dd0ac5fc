"""A real headless Chromium (Debian's package) driven by Playwright, with every
request outside the page's own file refused and recorded."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def require_chromium() -> str:
    """The browser's path; a skip on a developer machine without it, a failure in CI."""
    if CHROMIUM:
        return CHROMIUM
    if os.environ.get("CI"):
        pytest.fail("CI must have Debian's chromium installed (.ci/run installs it)")
    pytest.skip("chromium is not installed (apt-get install chromium)")


@dataclass
class PageVisit:
    page: object
    outside_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


class Browser:
    def __init__(self, playwright, executable: str):
        self._browser = playwright.chromium.launch(executable_path=executable, args=ARGS)

    def visit(self, path: Path, wait_for: str = "body[data-ready='1']", timeout_ms: int = 120_000) -> PageVisit:
        return self.visit_url(path.resolve().as_uri(), wait_for, timeout_ms, allowed="file:")

    def visit_url(
        self, address: str, wait_for: str, timeout_ms: int = 120_000, allowed: str | None = None
    ) -> PageVisit:
        """Open `address`, refusing (and recording) every request that does not start with `allowed`
        (by default the address's own origin)."""
        allowed = allowed or "/".join(address.split("/")[:3]) + "/"
        context = self._browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        visit = PageVisit(page=page)

        def route(request_route):
            url = request_route.request.url
            if url.startswith(allowed):
                request_route.continue_()
            else:
                visit.outside_requests.append(url)
                request_route.abort()

        context.route("**/*", route)
        page.on("console", lambda m: visit.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: visit.console_errors.append(str(e)))
        page.goto(address)
        page.wait_for_selector(wait_for, state="attached", timeout=timeout_ms)
        return visit

    def close(self) -> None:
        self._browser.close()
