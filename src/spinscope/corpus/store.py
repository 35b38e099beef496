"""Open a store by SQLAlchemy URL, migrate it to the newest schema, and guard every write.

SQLite stores run in WAL mode with ``synchronous=NORMAL``: a committed batch
survives the process being killed at any moment.  Every write happens in one
transaction, so a failed write (full disk, read-only file) leaves the store as
it was after the last finished batch.

Faults give one line each: a full disk ``E507``, a read-only store ``E508``
(checked before any work starts), a server that stays away ``E509``.  A
server restart during a run is survived: :meth:`Store.write` reconnects and
runs the failed transaction again, with growing pauses, for up to
``retry_seconds``.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from spinscope.errors import SpinscopeError

DEFAULT_URL = "sqlite:///spinscope.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
RETRY_SECONDS = 30.0
FIRST_PAUSE, LONGEST_PAUSE = 0.25, 4.0
SQLITE_READONLY, SQLITE_FULL = 8, 13
PG_DISK_FULL = "53100"
PG_GONE = ("57P01", "57P02", "57P03")  # admin shutdown, crash shutdown, cannot connect now (starting up)

log = logging.getLogger(__name__)
T = TypeVar("T")


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
    """A corpus store.  The constructor only records the settings; :meth:`open` connects and migrates.

    ``retry_seconds`` is how long :meth:`write` keeps reconnecting to a server
    that went away before it gives up with ``E509``.
    """

    def __init__(self, url: str = DEFAULT_URL, retry_seconds: float = RETRY_SECONDS) -> None:
        self.url = normalise_url(url)
        self.retry_seconds = retry_seconds
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
            engine = sa.create_engine(self.url, future=True, pool_pre_ping=not self.url.startswith("sqlite"))
        except Exception as exc:  # bad URL, missing driver
            raise StoreError("E500", url=self.safe_url(), detail=_detail(exc)) from None
        if engine.dialect.name == "sqlite":
            _sqlite_pragmas(engine)
        self._engine = engine
        try:
            with self.guard("E500"):  # no retry: a server that is not there at the start is more likely a wrong URL
                migrate(engine, revision)
        except StoreError:
            self.check_writable()  # a folder that cannot be written explains a SQLite store that cannot be opened
            raise
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
        """Turn database failures into one-line :class:`StoreError` messages (``E507`` for a full disk, ``E508`` read-only)."""
        from sqlalchemy.exc import SQLAlchemyError

        try:
            yield
        except (SQLAlchemyError, OSError) as exc:
            raise self._error(exc, code) from None

    def _error(self, exc: BaseException, code: str) -> StoreError:
        return StoreError({"full": "E507", "readonly": "E508"}.get(fault_of(exc), code), url=self.safe_url(), detail=_detail(exc))

    def write(self, work: Callable[..., T]) -> T:
        """Run ``work(conn)`` in one write transaction: all of it is kept, or none of it.

        When the connection to the server is lost (a restart, a failover), the
        pool is dropped and the whole transaction runs again after a pause that
        doubles each time, for up to ``retry_seconds``.  So ``work`` must be
        safe to run twice: the writers look content hashes up inside the
        transaction, and a batch whose commit did arrive is found, not doubled.
        """

        def attempt() -> T:
            with self.engine.begin() as conn:
                return work(conn)

        return self.retrying(attempt, "E501")

    def retrying(self, attempt: Callable[[], T], code: str) -> T:
        """``attempt()``, run again while the server cannot be reached, for up to ``retry_seconds`` (then ``E509``).

        Any other failure becomes ``code``, or ``E507`` / ``E508`` for a full
        disk or a read-only store.
        """
        from sqlalchemy.exc import SQLAlchemyError

        started, pause = time.monotonic(), FIRST_PAUSE
        while True:
            try:
                return attempt()
            except (SQLAlchemyError, OSError) as exc:
                if fault_of(exc) != "gone":
                    raise self._error(exc, code) from None
                if time.monotonic() - started + pause > self.retry_seconds:
                    raise StoreError("E509", url=self.safe_url(), seconds=self.retry_seconds, detail=_detail(exc)) from None
                log.warning("spinscope: lost the connection to the store %s (%s); trying again in %.2g s", self.safe_url(), _detail(exc), pause)
            self._engine.dispose()
            time.sleep(pause)
            pause = min(pause * 2, LONGEST_PAUSE)

    def check_writable(self) -> None:
        """Refuse a SQLite store whose file or folder cannot be written, before any work starts (``E508``).

        A file or folder with no write permission bit is refused even for root,
        who could write it anyway: the owner marked it read-only.  Servers need
        no check here: the run's first write comes before any analysis.
        """
        path = self.sqlite_path()
        for target in (path, path.parent) if path else ():
            if target.exists() and not (os.access(target, os.W_OK) and target.stat().st_mode & 0o222):
                raise StoreError("E508", url=self.safe_url(), detail=f"no permission to write {target}")

    def sqlite_path(self) -> Path | None:
        """The SQLite file of this store; None for servers, in-memory and ``file:`` URI stores."""
        from sqlalchemy.engine import make_url

        url = make_url(self.url)
        if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:" or url.database.startswith("file:"):
            return None
        return Path(url.database).resolve()

    @contextmanager
    def reading(self):
        with self.guard("E500"), self.engine.connect() as conn:
            yield conn

    def start_run(self, detectors: tuple[str, ...] | None) -> int:
        from spinscope.corpus.schema import runs

        row = runs.insert().values(started_at=time.time(), detectors=",".join(detectors or ()) or None, analysed=0, skipped=0, known=0)
        return self.write(lambda conn: conn.execute(row).inserted_primary_key[0])

    def finish_run(self, run_id: int, skipped: int, known: int) -> None:
        from spinscope.corpus.schema import runs

        self.write(lambda conn: conn.execute(runs.update().where(runs.c.id == run_id).values(finished_at=time.time(), skipped=skipped, known=known)))

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
    """Run the Alembic migrations up to ``revision`` in one transaction; a no-op when the store is already there."""
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
        if conn.dialect.name == "sqlite":  # the driver runs DDL outside any transaction unless one is open
            conn.exec_driver_sql("BEGIN IMMEDIATE")  # so a run killed mid-migration leaves no half-made schema
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


def fault_of(exc: BaseException) -> str | None:
    """``full`` (disk full), ``readonly``, ``gone`` (the server connection was lost or refused), or None."""
    import errno

    orig = getattr(exc, "orig", None) or exc
    if isinstance(orig, OSError):
        return {errno.ENOSPC: "full", errno.EDQUOT: "full", errno.EROFS: "readonly", errno.EACCES: "readonly"}.get(orig.errno)
    sqlite_code = getattr(orig, "sqlite_errorcode", None)
    if sqlite_code is not None:
        return {SQLITE_FULL: "full", SQLITE_READONLY: "readonly"}.get(sqlite_code & 0xFF)
    state = getattr(orig, "sqlstate", None)
    if state == PG_DISK_FULL:
        return "full"
    if getattr(exc, "connection_invalidated", False) or state in PG_GONE or (state or "").startswith("08"):
        return "gone"
    from sqlalchemy.exc import OperationalError

    return "gone" if isinstance(exc, OperationalError) and state is None else None


def _detail(exc: BaseException) -> str:
    """The driver's own message, first line only (no SQL, no parameters)."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return text[0] if text else type(orig).__name__
