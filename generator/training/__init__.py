"""Training: the code that builds the models shipped in ``generator/models/``, one command each.

Not a pipeline stage: nothing in the pipeline imports it, and it needs the ``train`` extra
(scikit-learn) and the annotated data beside the project (``../shared/data``). Each model has a card
(``<model>.card.json``) recording its data with checksums, their licences, the model's licence,
hyperparameters, seed and scores, checked against the model by the tests.
"""
