"""Publish a run's files into an output folder all or nothing, staged on its own file system.

A run writes into ``<output>/.kursk-staging-*``; :meth:`Staging.publish` then moves each
file into place, the file it replaces set aside in ``<output>/.kursk-backup-*``, and on
any failure moves every new file out and every old one back. Renames within one folder's
file system, so an output that is a mount point works too.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from types import TracebackType

from .errors import OutputError

STAGING_PREFIX, BACKUP_PREFIX = ".kursk-staging-", ".kursk-backup-"


def check_writable(output: Path) -> None:
    """Refuse an output folder that cannot be written, or created, before any work is done."""
    nearest = output
    while not nearest.exists() and nearest != nearest.parent:
        nearest = nearest.parent
    if not nearest.is_dir():
        raise OutputError(f"cannot write output folder ({nearest} is not a folder)", path=output)
    if not os.access(nearest, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write output folder ({nearest} is not writable)", path=output)


class Staging:
    """A staging folder inside ``output`` (created if need be), removed on leaving.

    Attributes:
        folder: Where the run writes; files in subfolders publish into the same subfolders.
    """

    def __init__(self, output: Path) -> None:
        self.output = output
        self.folder = output / STAGING_PREFIX
        self._created: list[Path] = []

    def __enter__(self) -> Staging:
        check_writable(self.output)
        missing = [self.output, *self.output.parents]
        self._created = [folder for folder in missing if not folder.exists()][::-1]
        try:
            self.output.mkdir(parents=True, exist_ok=True)
            self.folder = Path(tempfile.mkdtemp(dir=self.output, prefix=STAGING_PREFIX))
        except OSError as error:
            raise OutputError(f"cannot write output folder ({error.strerror})",
                              path=self.output) from None
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        if kind is not None:  # a failed run into a new folder leaves no empty folder behind
            for folder in reversed(self._created):
                with contextlib.suppress(OSError):
                    folder.rmdir()

    def publish(self) -> list[Path]:
        """Move the staged files into ``output``, all or none; return where they went."""
        staged = sorted(path.relative_to(self.folder) for path in self.folder.rglob("*")
                        if not path.is_dir())
        for name in staged:
            target = self.output / name
            if target.is_dir() and not target.is_symlink():
                raise OutputError("is a folder where a file is to be written; move it away",
                                  path=target)
        backup = Path(tempfile.mkdtemp(dir=self.output, prefix=BACKUP_PREFIX))
        moves: list[tuple[Path, Path]] = []  # every rename done, to undo in reverse
        made: list[Path] = []
        target = self.output
        try:
            for name in staged:
                target = self.output / name
                if not target.parent.is_dir():
                    target.parent.mkdir(parents=True)
                    made.append(target.parent)
                if target.exists() or target.is_symlink():
                    (backup / name).parent.mkdir(parents=True, exist_ok=True)
                    _move(target, backup / name, moves)
                _move(self.folder / name, target, moves)
        except OSError as error:
            kept = _roll_back(moves, made)
            where = "the previous files are kept" if kept else f"the previous files are in {backup}"
            if kept:
                shutil.rmtree(backup, ignore_errors=True)
            raise OutputError(f"cannot write ({error.strerror}); {where}", path=target) from None
        shutil.rmtree(backup, ignore_errors=True)
        return [self.output / name for name in staged]


def _move(source: Path, target: Path, moves: list[tuple[Path, Path]]) -> None:
    os.rename(source, target)
    moves.append((source, target))


def _roll_back(moves: list[tuple[Path, Path]], made: list[Path]) -> bool:
    """Undo the renames of a partial publish, last first; whether every one was undone."""
    undone = True
    for source, target in reversed(moves):
        try:
            os.rename(target, source)
        except OSError:
            undone = False
    for folder in reversed(made):
        with contextlib.suppress(OSError):
            folder.rmdir()
    return undone
