"""Propaganda techniques (PTC / SemEval-2020 Task 11): span identification and classification."""
