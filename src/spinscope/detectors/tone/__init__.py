"""Emotional tone: VADER polarity per sentence and NRC EmoLex emotions per 1,000 words."""
