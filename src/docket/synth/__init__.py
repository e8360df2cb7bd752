"""The synthetic demo case: invented, clearly labelled data for demos, fixtures and tests."""
