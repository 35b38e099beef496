"""How an article frames its story: the 14 SemEval-2023 frames (see :mod:`.detector`)."""
