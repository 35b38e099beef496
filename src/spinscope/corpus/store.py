"""Open a store by SQLAlchemy URL, migrate it to the newest schema, and guard every write.

SQLite stores run in WAL mode with ``synchronous=NORMAL``: a committed batch
survives the process being killed at any moment.  Every write happens in one
transaction, so a failed write (full disk, read-only file) leaves the store as
it was after the last finished batch.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from pathlib import Path

from spinscope.errors import SpinscopeError

DEFAULT_URL = "sqlite:///spinscope.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class StoreError(SpinscopeError):
    """The store cannot be opened or written; the message names the store and the cause."""


def normalise_url(url: str) -> str:
    """A full SQLAlchemy URL: a bare path means a SQLite file; ``postgresql://`` uses psycopg 3."""
    if "://" not in url:
        return f"sqlite:///{url}"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


class Store:
    """A corpus store.  The constructor only records the URL; :meth:`open` connects and migrates."""

    def __init__(self, url: str = DEFAULT_URL) -> None:
        self.url = normalise_url(url)
        self._engine = None

    @property
    def engine(self):
        if self._engine is None:
            self.open()
        return self._engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def open(self, revision: str = "head") -> "Store":
        """Connect and bring the schema up to ``revision`` (the newest by default)."""
        import sqlalchemy as sa

        try:
            engine = sa.create_engine(self.url, future=True)
        except Exception as exc:  # bad URL, missing driver
            raise StoreError("E500", url=self.safe_url(), detail=_detail(exc)) from None
        if engine.dialect.name == "sqlite":
            _sqlite_pragmas(engine)
        self._engine = engine
        with self.guard("E500"):
            migrate(engine, revision)
        return self

    def safe_url(self) -> str:
        """The URL with any password hidden, for messages."""
        from sqlalchemy.engine import make_url

        try:
            return make_url(self.url).render_as_string(hide_password=True)
        except Exception:
            return self.url

    @contextmanager
    def guard(self, code: str = "E501"):
        """Turn database failures into one-line :class:`StoreError` messages."""
        from sqlalchemy.exc import DBAPIError, SQLAlchemyError

        try:
            yield
        except (DBAPIError, SQLAlchemyError, OSError) as exc:
            raise StoreError(code, url=self.safe_url(), detail=_detail(exc)) from None

    @contextmanager
    def transaction(self):
        """One write transaction: all of it is kept, or none of it."""
        with self.guard("E501"), self.engine.begin() as conn:
            yield conn

    @contextmanager
    def reading(self):
        with self.guard("E500"), self.engine.connect() as conn:
            yield conn

    def start_run(self, detectors: tuple[str, ...] | None) -> int:
        from spinscope.corpus.schema import runs

        with self.transaction() as conn:
            return conn.execute(runs.insert().values(started_at=time.time(), detectors=",".join(detectors or ()) or None, analysed=0, skipped=0, known=0)).inserted_primary_key[0]

    def finish_run(self, run_id: int, skipped: int, known: int) -> None:
        from spinscope.corpus.schema import runs

        with self.transaction() as conn:
            conn.execute(runs.update().where(runs.c.id == run_id).values(finished_at=time.time(), skipped=skipped, known=known))

    def count(self, table_name: str) -> int:
        import sqlalchemy as sa

        from spinscope.corpus import schema

        with self.reading() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(schema.metadata.tables[table_name])).scalar_one()

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def migrate(engine, revision: str = "head") -> None:
    """Run the Alembic migrations up to ``revision``; a no-op when the store is already there."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    target = ScriptDirectory.from_config(cfg).get_current_head() if revision == "head" else revision
    with engine.connect() as conn:
        if MigrationContext.configure(conn).get_current_revision() == target:
            return
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def _sqlite_pragmas(engine) -> None:
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # noqa: ANN001 - DB-API objects
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout=30000")
        try:
            cur.execute("PRAGMA journal_mode=WAL")
        except Exception:  # a read-only file cannot switch modes; reading still works
            pass
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()


def _detail(exc: BaseException) -> str:
    """The driver's own message, first line only (no SQL, no parameters)."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return text[0] if text else type(orig).__name__
