"""Training and evaluation of the ``quotes`` detector."""
