""":mod:`kursklib.folder`: list a folder's ``.txt`` documents, naming what it skips, and read
them (regular files only: a FIFO is never opened for reading)."""

from __future__ import annotations

import errno
import os
import stat
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .decode import decode_bytes
from .errors import CorpusError, KursklibError, KursklibWarning

SUFFIX = ".txt"
_SPECIAL = {stat.S_IFIFO: "a FIFO", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a device",
            stat.S_IFBLK: "a device"}


@dataclass(frozen=True)
class Listing:
    """A folder's documents and what was not read.

    Attributes:
        files: The ``.txt`` files, in ``doc_id`` order.
        doc_ids: Each file's id: its path relative to the folder, ``/``-separated, without
            the suffix (the file's stem, in the folder itself).
        skipped: ``(name, why)`` of every entry not read that is not a plain non-``.txt``
            file: broken symlinks, loops, FIFOs, a ``.txt`` folder, duplicates, ...
        subfolders: The subfolders not read that hold ``.txt`` files.
    """

    files: list[Path]
    doc_ids: list[str]
    skipped: list[tuple[str, str]] = field(default_factory=list)
    subfolders: list[str] = field(default_factory=list)

    def warn(self, folder: Path) -> None:
        """One warning for the skipped entries, one for the subfolders not read."""
        if self.skipped:
            named = "; ".join(f"{name} ({why})" for name, why in self.skipped)
            warnings.warn(f"{folder}: skipped {named}", KursklibWarning, stacklevel=3)
        if self.subfolders:
            warnings.warn(f"{folder}: subfolder(s) {', '.join(self.subfolders)} not read: "
                          "recursive=True (kursk: --recursive) reads their .txt files too",
                          KursklibWarning, stacklevel=3)


def list_folder(folder: Path, *, recursive: bool = False) -> Listing:
    """The folder's ``.txt`` documents, and its subfolders' with ``recursive``.

    Of two names for one ``doc_id`` (``a.txt``, ``a.TXT``), the first in name order is
    read and the other skipped. Hidden subfolders (``.git``) are not read.
    """
    found: dict[str, tuple[str, Path]] = {}
    skipped: list[tuple[str, str]] = []
    subfolders: list[str] = []
    pending = [("", folder)]
    while pending:
        prefix, current = pending.pop()
        for entry in _entries(current):
            name, relative = entry.name, prefix + entry.name
            kind = _kind(entry)
            is_text = name.lower().endswith(SUFFIX)
            if kind == "folder":
                if recursive and not name.startswith("."):
                    pending.append((_checked_name(relative, folder) + "/", Path(entry.path)))
                elif is_text:
                    skipped.append((printable(relative), "a folder, not a file"))
                elif _holds_text(Path(entry.path)):
                    subfolders.append(printable(relative) + "/")
            elif kind != "file":
                skipped.append((printable(relative), kind))
            elif is_text and not name[:-len(SUFFIX)]:
                skipped.append((printable(relative), f"no name before {SUFFIX}: no doc_id"))
            elif is_text:
                doc_id = _checked_name(relative, folder)[:-len(SUFFIX)]
                if doc_id in found:
                    skipped.append((relative, f"duplicate doc_id {doc_id!r}; "
                                              f"{found[doc_id][0]} is read"))
                else:
                    found[doc_id] = (relative, Path(entry.path))
    doc_ids = sorted(found)
    return Listing(files=[found[doc_id][1] for doc_id in doc_ids], doc_ids=doc_ids,
                   skipped=skipped, subfolders=sorted(subfolders))


def read_bytes(path: Path, *, error: type[KursklibError] = CorpusError) -> bytes:
    """A regular file's bytes; anything else (a folder, a FIFO, a missing or unreadable
    file) is an ``error`` naming the path and the problem. Never blocks on a FIFO."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as problem:
        raise error(_problem(problem), path=path) from None
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        raise error("a folder, not a file" if stat.S_ISDIR(mode) else
                    f"not a regular file ({_SPECIAL.get(stat.S_IFMT(mode), 'special')})",
                    path=path)
    with open(descriptor, "rb") as handle:
        try:
            return handle.read()
        except OSError as problem:
            raise error(_problem(problem), path=path) from None


def read_files(files: list[Path], doc_ids: list[str]) -> pd.DataFrame:
    """Documents from files (``doc_id, text, encoding, path``); an unreadable one (binary,
    empty, gone) is skipped with a warning naming it."""
    rows = []
    for file, doc_id in zip(files, doc_ids, strict=True):
        try:
            text, encoding = decode_bytes(read_bytes(file), path=file)
        except CorpusError as problem:
            warnings.warn(f"{problem}; skipped", KursklibWarning, stacklevel=4)
            continue
        rows.append({"doc_id": doc_id, "text": text, "encoding": encoding, "path": str(file)})
    return pd.DataFrame(rows, columns=["doc_id", "text", "encoding", "path"])


def printable(name: str | Path) -> str:
    """A file name as it can be printed: bytes that are not UTF-8 as ``\\xNN``."""
    return os.fsencode(name).decode("utf-8", errors="backslashreplace")


def check_printable(path: str | Path, argument: str) -> None:
    """A path given as an argument is valid UTF-8 (else messages naming it cannot print)."""
    if printable(path) != str(path):
        raise CorpusError(f"{argument}: the path {printable(path)} is not valid UTF-8; "
                          "rename it")


def _entries(folder: Path) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except OSError as problem:
        raise CorpusError(f"cannot read the folder: {_problem(problem)}", path=folder) from None


def _kind(entry: os.DirEntry) -> str:
    """``file``, ``folder``, or why the entry is not read."""
    try:
        mode = entry.stat(follow_symlinks=False).st_mode
        if stat.S_ISLNK(mode):
            try:
                mode = os.stat(entry.path).st_mode
            except OSError as problem:
                return {errno.ELOOP: "symlink loop", errno.ENOENT: "broken symlink"}.get(
                    problem.errno, f"symlink: {_problem(problem)}")
            if stat.S_ISDIR(mode):
                return "symlink to a folder, not followed"
    except OSError as problem:
        return _problem(problem)
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "folder"
    return f"not a regular file ({_SPECIAL.get(stat.S_IFMT(mode), 'special')})"


def _holds_text(folder: Path) -> bool:
    """Whether ``.txt`` files lie anywhere below the folder (symlinks not followed)."""
    pending = [folder]
    while pending:
        try:
            with os.scandir(pending.pop()) as entries:
                for entry in entries:
                    if entry.name.lower().endswith(SUFFIX):
                        return True
                    if entry.is_dir(follow_symlinks=False):
                        pending.append(Path(entry.path))
        except OSError:
            return True  # unreadable: it may hold documents
    return False


def _checked_name(relative: str, folder: Path) -> str:
    if printable(relative) != relative:
        raise CorpusError(f"the name {printable(relative)} is not valid UTF-8; rename it",
                          path=folder)
    return relative


def _problem(error: OSError) -> str:
    return {errno.ENOENT: "does not exist", errno.EACCES: "permission denied"}.get(
        error.errno, (error.strerror or type(error).__name__).lower())
