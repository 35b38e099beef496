"""Quotes: direct and indirect speech with its speaker and reporting cue, by rules over the shared parse."""
