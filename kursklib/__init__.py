"""kursklib: tag actors, dates and terms in news coverage, and chart them."""

from .corpus import Corpus, read_corpus, split_sentences
from .errors import KursklibError, KursklibWarning

__all__ = ["Corpus", "KursklibError", "KursklibWarning", "read_corpus", "split_sentences"]
