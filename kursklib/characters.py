""":mod:`kursklib.characters`: the character tables every stage shares (quotes, dashes, bullets)."""

from __future__ import annotations

# Typographic quotes and apostrophes, each with its ASCII form (one character for one, so
# that translating a text keeps every offset).
QUOTES = {"’": "'", "‘": "'", "‛": "'", "‚": "'", "`": "'", "´": "'", "ʼ": "'",
          "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'}
# Hyphens and dashes, the ASCII hyphen first.
DASHES = "-‐‑‒–—―"
# Quotes as ASCII and every dash as a hyphen: how a token is normalised.
ASCII_PUNCTUATION = str.maketrans({**QUOTES, **{dash: "-" for dash in DASHES}})
# Characters that open a bulleted line ("► ", "• ", "- ").
BULLETS = "►▶▸▪▫•◦‣∙·*-–—"
