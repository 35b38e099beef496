"""Training and evaluation of the ``genre`` detector."""
