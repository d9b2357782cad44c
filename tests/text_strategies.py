"""hypothesis strategies for the text our parsers meet: anything at all, and Danish-looking
text assembled from the pieces the parsers look for (amounts, dates, deadlines, agenda items),
so the generator reaches their regular expressions instead of only random code points."""

from __future__ import annotations

from hypothesis import strategies as st

PIECES = [
    " ", "  ", "\n", "\n\n", "\t", "\u00a0", ".", ",", ":", ";", "-", "–", "(", ")", "/", "½",
    "0", "1", "7", "12", "31", "2006", "2021", "2024", "1.500.000", "600.000", "2,75", "20.000,-",
    "1 500 000", "kr.", "kr", "kroner", "DKK", "mio.", "mio", "mia.", "mill.", "t.kr.", "tkr.",
    "pr. år", "/time", "årligt", "til", "og", "eller", "afsat", "afsættes", "bevilget",
    "januar", "juni", "september", "dec.", "uge 23", "1. kvartal", "foråret", "årets udgang",
    "senest", "inden", "frist", "deadline", "den", "d.", "pr.", "fra", "medio", "ultimo",
    "568.", "1.", "2. Udvikling", "Status på Task Force-projektet", "Ad pkt. 3", "Beslutning",
    "Sagens indhold", "Indstilling", "Bilag", "Lukket", "Åbent", "# ", "## ", "Sagsnr.:",
    "Beslutning i Økonomiudvalget den 14. marts 2024", "Godkendt.", "Administrationen",
    "hvor meget", "hvornår", "hvad er", "Hvilke opfølgninger mangler?", "budget", "BIF",
    "æ", "ø", "å", "Æ", "Ø", "Å", "é", "ü", "ß", "ﬁ", "\u200b", "\u00ad", "\ufeff", "\x00",
    "\ud800", "😀", "\u0301", "Ⅻ", "٣", "１２",
]  # fmt: skip

danish_like = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=40).map("".join)
any_text = st.text(max_size=300) | danish_like
