"""Training and evaluation of the ``techniques`` detector."""
