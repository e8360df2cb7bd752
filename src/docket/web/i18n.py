"""Strings ready for translation: every UI string goes through `_()`.

Catalogs live in web/locale/<lang>/LC_MESSAGES/docket.mo (compiled from docket.pot, the stub
catalog beside them); with none installed, `_()` returns the English string unchanged.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "docket"


@cache
def translations(language: str | None = None) -> gettext.NullTranslations:
    languages = [language] if language else None
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=languages, fallback=True)


def _(message: str) -> str:
    """Translate a UI string (English source strings; the catalog decides)."""
    return translations().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations().ngettext(singular, plural, n)
