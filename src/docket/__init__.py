"""docket: preserve, extract, link, weigh and estimate evidence of human-rights violations."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("docket")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+unknown"
