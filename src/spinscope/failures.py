"""A document that could not be analysed, as the engine reports it and a batch records it."""

from __future__ import annotations

from spinscope.errors import InputError, SpinscopeError, message, record


class Failure(SpinscopeError):
    """A document that could not be analysed; carries where it came from."""

    def __init__(self, source: str | None, error: BaseException) -> None:
        self.source = source
        self.error = error
        Exception.__init__(self, f"{source}: {error}")

    def to_dict(self) -> dict:
        if isinstance(self.error, InputError):
            return self.error.to_dict()
        code = getattr(self.error, "code", "E400")
        return record(code, f"{type(self.error).__name__}: {self.error}", self.source)

    def line(self) -> str:
        if isinstance(self.error, InputError):
            return str(self.error)
        return f"[E400] {self.source}: {message('E400', detail=self.error)}"
