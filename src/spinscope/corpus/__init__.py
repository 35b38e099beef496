"""The corpus: a store of analysed articles and the views across them.

- :class:`~spinscope.corpus.store.Store` — open a store by SQLAlchemy URL (SQLite or PostgreSQL); migrations run on open.
- :func:`~spinscope.corpus.add.add_paths` — ingest, skip what is stored, analyse, commit per batch (resumable).
- :func:`~spinscope.corpus.export.export` — JSONL / CSV / Parquet, analyses exactly as ``analyze`` gives them.
- Views: :mod:`outlets <spinscope.corpus.outlets>`, :mod:`stories <spinscope.corpus.stories>`,
  :mod:`duplicates <spinscope.corpus.duplicates>`, :mod:`search <spinscope.corpus.search>`.

Heavy libraries (SQLAlchemy, Alembic, datasketch, Dask) are imported only when used.
"""
