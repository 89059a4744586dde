""":mod:`kursklib.style`: the one matplotlib style every chart is drawn and saved with."""

import dataclasses
import importlib.util
from pathlib import Path

from matplotlib import font_manager


def _register_hangul_font() -> str:
    """Register NanumGothic (shipped by koreanize-matplotlib) with matplotlib; its family name.

    DejaVu Sans has Latin, Cyrillic and Greek but no Hangul: a Korean outlet's terms and titles
    would be drawn as empty boxes. The package is located, not imported (importing it rewrites
    matplotlib's global settings).
    """
    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None or not spec.submodule_search_locations:
        return "DejaVu Sans"  # not installed: a Hangul glyph is drawn as a box, with a warning
    fonts = Path(next(iter(spec.submodule_search_locations))) / "fonts"
    manager = font_manager.fontManager
    bold = str(fonts / "NanumGothicBold.ttf")
    manager.addfont(bold)
    # The family's bold face declares weight 600: it is what bold titles (700) draw Hangul with,
    # so declare it 700, as matplotlib otherwise logs a substitution for every bold title.
    manager.ttflist = [dataclasses.replace(entry, weight=700) if entry.fname == bold else entry
                       for entry in manager.ttflist]
    regular = str(fonts / "NanumGothic.ttf")
    manager.addfont(regular)  # last: adding a font clears the font lookup cache
    return font_manager.FontProperties(fname=regular).get_name()


# One style for every chart; applied with rc_context so importing kursklib changes nothing.
STYLE = {
    # A character DejaVu Sans lacks is drawn from the next family (matplotlib's font fallback).
    "font.family": ["DejaVu Sans", _register_hangul_font()],
    "font.size": 9,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.labelsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 8,
    "legend.frameon": False,
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "savefig.pad_inches": 0.1,
    "svg.fonttype": "path",
    "svg.hashsalt": "kursklib",
    "image.cmap": "viridis",
}

# Pixels at most in a drawn figure: a huge one (a heatmap of thousands of cells) is drawn at a
# lower resolution rather than as a 30-megapixel image that takes a gigabyte and a minute.
MAX_PIXELS = 8_000_000


def capped_dpi(width: float, height: float, dpi: float) -> float:
    """``dpi``, or less for a figure of ``width`` × ``height`` inches over ``MAX_PIXELS``.

    Example:
        >>> capped_dpi(8.0, 6.0, 150), capped_dpi(40.0, 40.0, 150)
        (150, 70)
    """
    return min(dpi, int((MAX_PIXELS / (width * height)) ** 0.5))
