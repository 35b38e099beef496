"""Training and evaluation of the ``claims`` detector."""
