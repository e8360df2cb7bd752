"""A populated case built once per module (SQLite), for the slower report tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from docket.case import Case, create_case
from docket.security.keys import KeySource
from tests.report.corpus import populate


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory, key_file: Path) -> Iterator[Case]:
    root = tmp_path_factory.mktemp("filled")
    case = create_case(root / "case", name="report test (SYNTHETIC)",
                       key=KeySource.key_file(key_file))  # fmt: skip
    populate(case, root / "plant")
    yield case
    case.close()
