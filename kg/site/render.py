"""Templates (Jinja2, autoescaped: every name goes into HTML as text) and the
Content Security Policy every page carries."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import Environment

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent / "static"
SITE_CSP = (
    "default-src 'none'; script-src 'self' file:; style-src 'self' file:; img-src data:; font-src data:; "
    "base-uri 'none'; form-action 'none'"
)
"""Scripts and style sheets only from the site's own files (`file:` names them where a
browser gives local files no origin); no inline script, no request to any server."""


@lru_cache(maxsize=1)
def environment() -> Environment:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=True,
    )


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
