"""Data package: the notebooks, installed as ``kursklib.notebooks`` (``kursklib.project``)."""
