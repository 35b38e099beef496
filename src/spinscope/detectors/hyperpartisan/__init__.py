"""Hyperpartisan or not: a probability and the evidence that drove it."""
