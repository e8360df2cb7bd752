"""Controlled vocabularies and the gazetteer, loaded from data shipped in the package.

The CSV files are copies of shared/data with their source columns; SOURCES.md says where each
came from. Loaders are cached: the data is read once per process.
"""

from docket.vocab.gazetteer import facility_id_for, normalise_place
from docket.vocab.loaders import (
    Act,
    Facility,
    SurnameSpelling,
    acts,
    facilities,
    facility_by_id,
    surname_spellings,
)

__all__ = [
    "Act",
    "Facility",
    "SurnameSpelling",
    "acts",
    "facilities",
    "facility_by_id",
    "facility_id_for",
    "normalise_place",
    "surname_spellings",
]
