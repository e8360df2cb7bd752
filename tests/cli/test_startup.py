"""The CLI loads a stage's heavy libraries only for the commands that use them.

Every `docket` invocation (and every subprocess the tests start) pays for what `docket.cli`
imports: the web stack, pandas, Splink and matplotlib took ~5 s of a 6 s `docket --help`.
"""

import subprocess
import sys

HEAVY = ("fastapi", "uvicorn", "pandas", "splink", "matplotlib", "statsmodels", "pyspark")


def test_loading_the_cli_does_not_load_the_stage_libraries():
    probe = (
        f"import sys; import docket.cli; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
