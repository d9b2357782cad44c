"""How common a Danish word is in the language at large.

The word that must occur with an answer is the question's most specific one, told by its IDF
in the corpus. On a folder of a few documents that estimate is noise for everyday words:
"står", "fast" or "færdig" occur in one passage of seven documents and then outrank the word
that names the subject ("klimakoordinator"). The Danish word frequencies of `wordfreq`
(shipped inside the package, no download) give the IDF the word would have over passages of
general Danish, and a word is taken to be no more specific than that.
"""

from __future__ import annotations

import math
from functools import lru_cache

from wordfreq import zipf_frequency

# Passages of this many words: a word with Zipf frequency z occurs in a share
# 1 - exp(-PASSAGE_WORDS * 10**(z - 9)) of them.
PASSAGE_WORDS = 300


@lru_cache(maxsize=65536)
def general_idf(word: str) -> float:
    """The IDF `word` would have over passages of general Danish (inf when wordfreq lists
    no such word: a name, a compound, an inflection too rare to count)."""
    zipf = zipf_frequency(word.lower(), "da")
    if zipf <= 0:
        return math.inf
    share = -math.expm1(-PASSAGE_WORDS * 10 ** (zipf - 9))
    return math.log(1.0 + (1.0 - share) / share)
