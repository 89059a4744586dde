""":mod:`kursklib.style`: the one matplotlib style every chart is drawn and saved with."""

# One style for every chart; applied with rc_context so importing kursklib changes nothing.
STYLE = {
    "font.family": "DejaVu Sans",
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
