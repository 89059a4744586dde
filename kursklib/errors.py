"""The one exception family (and warning) that kursklib users see."""

from __future__ import annotations

from pathlib import Path


class KursklibError(Exception):
    """A problem with the user's input, reported as one line naming the file.

    Attributes:
        problem: What is wrong, without the location.
        path: The file at fault, where known.
        line: The 1-based line in that file, where known.
    """

    def __init__(
        self, problem: str, *, path: str | Path | None = None, line: int | None = None
    ) -> None:
        self.problem = problem
        self.path = Path(path) if path is not None else None
        self.line = line
        super().__init__(self._format())

    def __reduce__(self) -> tuple:
        """Pickle with the location kept (a Dask worker's error reaches the client whole)."""
        return _rebuild, (type(self), self.problem, self.path, self.line)

    def _format(self) -> str:
        if self.path is None:
            return self.problem
        where = str(self.path) if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.problem}"


def _rebuild(kind: type[KursklibError], problem: str, path: Path | None, line: int | None
             ) -> KursklibError:
    return kind(problem, path=path, line=line)


class CorpusError(KursklibError):
    """A corpus file or folder cannot be read."""


class MetadataError(KursklibError):
    """A metadata table is malformed or contradicts the corpus."""


class GazetteerError(KursklibError):
    """A gazetteer file is malformed."""


class OutputError(KursklibError):
    """An output file or folder cannot be written."""


class LanguageError(KursklibError):
    """A language is not available, or its resource file is malformed."""


class ArgumentError(KursklibError):
    """A library function was called with an argument it cannot use."""


class NotebookError(KursklibError):
    """A notebook failed or was given bad parameters."""


def as_names(value: object, argument: str) -> list[str]:
    """A list of names as a list; a bare string is an error, since it would read as letters.

    Example:
        >>> as_names(("kim_jong_un",), "actors")
        ['kim_jong_un']
        >>> as_names("kim", "actors")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        kursklib.errors.ArgumentError: actors: a list of names, not the string 'kim' (...)
    """
    if isinstance(value, str):
        raise ArgumentError(f"{argument}: a list of names, not the string {value!r} "
                            "(papermill takes a list with -y, not -p)")
    return list(value)  # type: ignore[call-overload]


class TaggingError(KursklibError):
    """A document could not be tagged (a bug to report, naming the document)."""


def first_line(text: object) -> str:
    """The first non-blank line of a message (an exception's, say), stripped.

    Example:
        >>> first_line(ValueError("\\n  bad token\\nat line 3"))
        'bad token'
    """
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    return lines[0] if lines else ""


class KursklibWarning(UserWarning):
    """Input that was read, but not as the user may expect (naming the file)."""
