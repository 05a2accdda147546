"""Stage 2, analyse: one :class:`~generator.model.Article` in, its
:class:`~generator.model.ArticleFacts` out, a pure function of the article, the language data and the
packaged models (so it can be cached and run in parallel).

One module per extractor (actors, figures, time expressions, quotes, summary), plus the shared
tagging (part of speech, the NER model and its lexicon) and word-stem helpers they use. Nothing here
looks at other articles; that is the merge's job.
"""
