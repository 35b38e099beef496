"""Training and evaluation of the ``actors`` detector."""
