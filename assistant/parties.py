"""Danish political parties named in a text, by name or by their ballot letter.

"Hvilke partier står bag budgetaftalen?" and "… hvilke partier stemte imod?" ask for parties;
the sentence that answers names them ("indgået mellem Socialdemokratiet, Venstre og SF",
"Imod stemte: V, C og O"), while the sentences that share the question's words often name
none ("et bredt flertal står bag"). The parties are a closed set, so they are listed here.
"""

from __future__ import annotations

import re

# Ballot letter -> the names a municipal text uses for the party (longest first where one
# name holds another: "Radikale Venstre" before "Venstre").
PARTIES: dict[str, tuple[str, ...]] = {
    "B": ("Det Radikale Venstre", "Radikale Venstre", "Radikale"),
    "A": ("Socialdemokratiet", "Socialdemokraterne"),
    "C": ("Det Konservative Folkeparti", "Konservative Folkeparti", "Konservative"),
    "D": ("Nye Borgerlige",),
    "F": ("Socialistisk Folkeparti", "SF"),
    "I": ("Liberal Alliance",),
    "K": ("Kristendemokraterne",),
    "M": ("Moderaterne",),
    "O": ("Dansk Folkeparti", "DF"),
    "V": ("Venstre",),
    "Æ": ("Danmarksdemokraterne",),
    "Ø": ("Enhedslisten",),
    "Å": ("Alternativet",),
    "S": ("Slesvigsk Parti",),
}
_NAME_TO_LETTER = {n: letter for letter, names in PARTIES.items() for n in names}
_NAMES = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(n) for n in sorted(_NAME_TO_LETTER, key=len, reverse=True))
    + r")(?![\w-])"
)
_LETTER = "[" + "".join(PARTIES) + "]"
# Letters only count in a run of two or more ("V, A, C og O", "A+F+Ø") or in parentheses
# after a name ("Karen Vinther (A)"): a lone capital is too often an annex or a scenario.
_LETTER_RUN = re.compile(
    rf"(?<![\w-]){_LETTER}(?:\s*(?:,|\+|og|and)\s*{_LETTER})+(?![\w-])|\(\s*{_LETTER}\s*\)"
)


def party_mentions(text: str) -> set[str]:
    """The ballot letters of the parties the text names."""
    found = {_NAME_TO_LETTER[m.group()] for m in _NAMES.finditer(text)}
    for m in _LETTER_RUN.finditer(text):
        found.update(re.findall(_LETTER, m.group()))
    return found
