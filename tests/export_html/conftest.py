"""A real headless Chromium (Debian's), with the network cut off and every request recorded."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium) — browser tests need it")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@dataclass
class Offline:
    """A page in a context that cannot reach the network, and what it tried to do."""

    page: object
    context: object
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, path: Path, fragment: str = "") -> None:
        self.page.goto(path.resolve().as_uri() + fragment)
        # wait_for_function would evaluate a string, which the page's CSP rightly forbids
        self.page.wait_for_selector("html.ready", state="attached")


def open_offline(browser, *, viewport=(1280, 900), permissions=(),
                 init_script: str = "") -> Offline:
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    if permissions:
        context.grant_permissions(list(permissions))
    page = context.new_page()
    off = Offline(page, context)

    def handle(route) -> None:
        url = route.request.url
        if url.startswith("file:"):
            route.continue_()
        else:
            off.requests.append(url)
            route.abort()

    context.route("**/*", handle)
    context.set_offline(True)
    page.on("request", lambda r: None if r.url.startswith(("file:", "data:", "blob:"))
            else off.requests.append(r.url))
    page.on("dialog", lambda d: (off.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: off.errors.append(str(e)))
    page.on("console", lambda m: off.errors.append(m.text) if m.type == "error" else None)
    if init_script:
        page.add_init_script(init_script)
    return off


@pytest.fixture
def offline(browser) -> Iterator[Offline]:
    off = open_offline(browser)
    yield off
    off.context.close()
