"""Actors: people, organisations, countries and groups, merged across spellings, with how each is portrayed."""

from spinscope.detectors.actors.merge import merge_across

__all__ = ["merge_across"]
