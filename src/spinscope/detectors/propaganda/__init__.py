"""Propaganda density: how much of an article the technique detector marked."""
