"""Synthetic data generators (every output is labelled SYNTHETIC)."""
