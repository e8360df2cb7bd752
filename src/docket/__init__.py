"""docket: evidence preservation, extraction, linkage and estimation for human-rights investigations."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("docket")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+unknown"
