"""Stage 5, write: the rendered files in, the docs folder out.

Writes the files atomically and only when changed, owning only what the generator wrote (the
manifest), and serialises the dossier as ``dossier.json`` (schema version 1).
"""
