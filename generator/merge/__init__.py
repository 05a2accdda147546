"""Stage 3, merge: every article and its facts in, one :class:`~generator.model.Dossier` out.

One module per merged kind (actors with all their spellings, figures and their conflicts, dated
events), the grouping helper they share, and the cross-source comparison the pages show. Nothing
here writes or formats; that is the rendering's job.
"""
