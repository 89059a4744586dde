""":mod:`kursklib.decode`: bytes to text (BOM, UTF-8 first, detection where it fails)."""

from __future__ import annotations

import codecs
import re
import warnings
from pathlib import Path

import charset_normalizer

from .errors import CorpusError, KursklibWarning

# Checked longest first: a UTF-32-LE BOM begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Detection candidates this close to the least chaotic one compete on coherence.
CHAOS_MARGIN = 0.1
COMMON_ENCODINGS = ("cp1252", "cp1251", "utf-16", "iso8859-1", "cp1250", "koi8-r", "iso8859-15")
# Share of control characters above which decoded bytes are judged binary, not text.
_MAX_CONTROL_SHARE = 0.02
NEWLINES = re.compile(r"\r\n?")
# Bytes that are not UTF-8 in text that is UTF-8 otherwise: up to this many, or one per
# UTF8_EVIDENCE well-formed multi-byte characters, are read as U+FFFD with a warning.
MAX_STRAY_BYTES = 8
UTF8_EVIDENCE = 10
_STRAY = re.compile("[\udc80-\udcff]+")
# At most this many offsets are named in a warning about stray bytes.
_NAMED_OFFSETS = 10
# Control (Cc, less tab, newlines and NUL), surrogate (Cs) and private-use (Co) characters.
_CONTROL = re.compile("[\x01-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff"
                      "\U000f0000-\U000ffffd\U00100000-\U0010fffd]")


def decode_bytes(data: bytes, *, path: str | Path | None = None) -> tuple[str, str]:
    """Decode a document: BOM first, then UTF-8, then detection; newlines become LF.

    Text that is UTF-8 but for a few bytes (up to ``MAX_STRAY_BYTES``, or one per
    ``UTF8_EVIDENCE`` well-formed multi-byte characters) is read as UTF-8, each stray
    byte as U+FFFD, with a warning naming their offsets; other bytes that are not UTF-8
    are detected (charset-normalizer).

    Returns:
        The text (as ``normalise_text`` leaves it) and the encoding used.

    Example:
        >>> decode_bytes(b"\\xef\\xbb\\xbfTroops\\r\\nleft.")
        ('Troops\\nleft.', 'utf-8')
    """
    text, encoding = _decode(data, path)
    text = normalise_text(text, where=path)
    if not text.strip():
        raise CorpusError("empty document (no text)", path=path)
    return text, encoding


def normalise_text(text: str, *, where: object) -> str:
    """A document's text as kursklib keeps it, from a file or a table cell: a leading BOM
    and NUL characters dropped (with a warning naming ``where``), CRLF and CR → LF.

    Example:
        >>> normalise_text("Troops\\rleft.", where="a.txt")
        'Troops\\nleft.'
    """
    text = text.lstrip("\ufeff")
    if "\x00" in text:
        warnings.warn(f"{where}: NUL characters removed", KursklibWarning, stacklevel=3)
        text = text.replace("\x00", "")
    return NEWLINES.sub("\n", text)


def _decode(data: bytes, path: str | Path | None) -> tuple[str, str]:
    if not data:
        raise CorpusError("empty file", path=path)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).lstrip("\ufeff"), codec.removesuffix("-sig")
            except UnicodeDecodeError as error:
                raise CorpusError(f"{codec} BOM but undecodable bytes at {error.start}",
                                  path=path) from None
    stray: list[int] = []
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, stray = _utf8_but_stray_bytes(data)
        text, encoding = (text, "utf-8") if stray else _detect(data, path)
    if _looks_binary(text):
        raise CorpusError("not text: binary data", path=path)
    if stray:
        named = ", ".join(map(str, stray[:_NAMED_OFFSETS]))
        more = f" and {len(stray) - _NAMED_OFFSETS} more" if len(stray) > _NAMED_OFFSETS else ""
        warnings.warn(f"{path}: not UTF-8 at byte offset(s) {named}{more}: read as UTF-8, "
                      "each such byte as U+FFFD", KursklibWarning, stacklevel=4)
    return text, encoding


def _utf8_but_stray_bytes(data: bytes) -> tuple[str, list[int]]:
    """UTF-8 with each stray byte as U+FFFD, and the stray bytes' offsets, if the bytes
    are UTF-8 but for a few (else no offsets)."""
    escaped = data.decode("utf-8", errors="surrogateescape")
    runs = list(_STRAY.finditer(escaped))
    stray = sum(run.end() - run.start() for run in runs)
    multibyte = len(escaped) - len(data.decode("ascii", errors="ignore")) - stray
    if stray > max(MAX_STRAY_BYTES, multibyte // UTF8_EVIDENCE):
        return "", []
    offsets, position, byte = [], 0, 0
    for run in runs:  # a run's byte offset: the UTF-8 length of the text before it
        byte += len(escaped[position:run.start()].encode("utf-8"))
        offsets.extend(range(byte, byte + run.end() - run.start()))
        byte, position = byte + run.end() - run.start(), run.end()
    return _STRAY.sub(lambda run: "\ufffd" * (run.end() - run.start()), escaped), offsets


def _detect(data: bytes, path: str | Path | None) -> tuple[str, str]:
    """Decode with charset-normalizer, preferring coherent text among near-equal guesses.

    Its own ranking favours the lowest "chaos", which for short Western text can pick a
    Baltic code page (naïve → naļve); among guesses within CHAOS_MARGIN of the best, the
    most coherent (then most common) encoding reads better.
    """
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise CorpusError("not text: unknown encoding or binary data", path=path)
    least_chaos = min(match.chaos for match in matches)
    close = [match for match in matches if match.chaos <= least_chaos + CHAOS_MARGIN]
    best = max(close, key=lambda match: (round(match.coherence, 3),
                                         -_commonness(codecs.lookup(match.encoding).name)))
    return str(best), codecs.lookup(best.encoding).name


def _commonness(encoding: str) -> int:
    return COMMON_ENCODINGS.index(encoding) if encoding in COMMON_ENCODINGS else len(
        COMMON_ENCODINGS)


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    controls = len(_CONTROL.findall(sample))
    nuls = sample.count("\x00")
    return (controls + nuls) > _MAX_CONTROL_SHARE * len(sample) and (controls or nuls > 16)
