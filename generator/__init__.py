"""Dossier: a static news-dossier site generator (core; does not import MkDocs)."""

__version__ = "0.1.0"
