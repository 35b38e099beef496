"""Training and evaluating the frames model (``spinscope train frames`` / ``evaluate frames``)."""
