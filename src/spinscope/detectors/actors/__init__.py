"""Actors: people, organisations, countries and groups, merged across spellings, with how each is portrayed."""

from spinscope.detectors.actors.merge import StreamingMerger, merge_across

__all__ = ["StreamingMerger", "merge_across"]
