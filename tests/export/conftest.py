"""The export tests use the report tests' populated case (planted witness, coded records)."""

from tests.report.conftest import filled  # noqa: F401
