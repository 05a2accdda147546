"""Stage 1, read: seed files in, :class:`~generator.model.Article` objects out.

Finds the seed files, decodes them (any encoding, with a warning where it is not UTF-8), splits off
front matter, finds headline, dateline and paragraphs, detects the language, segments sentences and
tokens with character offsets, and infers publication dates the articles do not give. Nothing here
looks at what the text says beyond its layout; that is the analysis' job.
"""
