"""Data package: the sample corpus, installed as ``kursklib.sample`` (``kursklib.project``)."""
