"""Stage 4, render: the :class:`~generator.model.Dossier` in, the site's files (bytes by path) and
its navigation out, a pure function with no I/O.

One module per page or page family (home, articles, figures, actors, timeline, quotes, source
comparison, data), the context they share, the build-time charts and the network picture, and the
safe markup every piece of article text goes through.
"""
