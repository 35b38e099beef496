"""Training and evaluating the hyperpartisan model."""
