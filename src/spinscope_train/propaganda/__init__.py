"""Training and evaluation of the ``propaganda`` detector."""
