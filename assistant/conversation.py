"""Follow-up questions made standalone, so retrieval and the answerers see the whole question.

With an LLM configured, the model rewrites the follow-up (falling back to the heuristic when it
fails). Without one, two rules cover what staff actually type after a first answer:

- **A new topic in the same frame**: "Og hvad med LEAN-projektet?" after "Hvor meget blev der
  afsat til videndeling?" keeps the frame of the previous question (question word, verb, cue
  words: "Hvor meget blev der afsat til") and puts the new topic where the old one was:
  "Hvor meget blev der afsat til LEAN-projektet?".
- **A pronoun for the previous topic**: "Hvornår skal den være godkendt?" after a question
  about the action plan gets the previous question's topic in place of the pronoun:
  "Hvornår skal handleplanen efter APV'en være godkendt?". A short follow-up without a pronoun
  ("Hvem betaler?") gets the previous topic appended.

A question that already names its own topic is left alone: only a follow-up that cannot stand
by itself - "og i 2027?", "hvem betaler?", "hvad med den anden?", a pronoun for the previous
topic with hardly a word of its own - is rewritten. "Hvilke opfølgninger mangler stadig?" after
a budget question is a new question, asked as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from assistant.intent import CUE_WORDS

_WORD = re.compile(r"[\w'’-]+")
_WHAT_ABOUT = re.compile(
    r"^\s*(?:og|men|så)?\s*(?:hvad|hvordan)\s+(?:så\s+)?med\s+(?P<topic>.+?)\s*\??\s*$"
    r"|^\s*(?:and\s+)?(?:what|how)\s+about\s+(?P<topic_en>.+?)\s*\??\s*$"
    r"|^\s*og\s+(?P<topic_og>(?:for|til|om|i|ved)\s+.+?)\s*\??\s*$",
    re.IGNORECASE,
)
_PRONOUN = re.compile(
    r"\b(?:den|det|de|dem|denne|dette|disse|dens|dets|deres|it|they|them|this|that|its)\b",
    re.IGNORECASE,
)
# "det" and "der" are also expletive subjects ("Hvornår er det planlagt?" is still about the
# previous topic, "Hvad koster det?" too), so any of them counts as a reference.
_FUNCTION = frozenset(
    """
    og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om
    vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv
    her alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end
    dette mit også under have dig anden hende mine alt meget sit sine vor mod disse hvis din
    nogle hos blive mange ad bliver hendes været thi jer sådan hvilke hvilken hvilket hvornår
    hvordan hvem hvorfor så med mere ske sker skete få fik får kan kunne stadig endnu nu
    the a an of and or in on for to is are was were be been what which when who how does do did
    will would it its they them this that about with by
    """.split()
)
_LEADING_AND = re.compile(r"^\s*(?:og|men|så|and|but)\b", re.IGNORECASE)
_PREPOSITIONS = frozenset("til for om af i på ved med fra efter under over hos vedr".split())


def _content_positions(words: list[str]) -> list[int]:
    return [
        i
        for i, w in enumerate(words)
        if w.lower() not in _FUNCTION and w.lower() not in CUE_WORDS and not w.isdigit()
    ]


def _topic_span(words: list[str]) -> tuple[int, int] | None:
    """First..last content word of a question (its topic), or None."""
    pos = _content_positions(words)
    if not pos:
        return None
    return pos[0], pos[-1] + 1


def _previous_standalone(history: Sequence[dict[str, str]]) -> str | None:
    """The last user question made standalone in its own turn: after "Hvad koster
    renoveringen af biblioteket?" and "Hvornår skal den være færdig?", the topic of "Og hvem
    betaler?" is the library's renovation, not "færdig"."""
    standalone: str | None = None
    for turn in history:
        text = turn.get("content", "").strip() if turn.get("role") == "user" else ""
        if text:
            standalone = _condense_against(text, standalone) if standalone else text
    return standalone


def _strip_q(text: str) -> str:
    return text.strip().rstrip("?").strip()


def stands_alone(question: str, previous: str) -> bool:
    """The question needs nothing of `previous` ("hvor højt var det?" after "Hvilken adresse
    havde det højeste støjniveau?" does; "hvad koster et snakkathon?" does not)."""
    return _condense_against(question, previous) == question


def condense_heuristic(question: str, history: Sequence[dict[str, str]]) -> str:
    """The follow-up as a standalone question (unchanged when it is one already)."""
    previous = _previous_standalone(history)
    if not previous or not question.strip():
        return question
    return _condense_against(question, previous)


def _condense_against(question: str, previous: str) -> str:
    """`question` made standalone with the (standalone) previous question's topic."""
    prev_words = _WORD.findall(_strip_q(previous))
    span = _topic_span(prev_words)
    if span is None:
        return question
    topic_words = prev_words[span[0] : span[1]]

    m = _WHAT_ABOUT.match(question)
    if m:
        new_topic = m.group("topic") or m.group("topic_en") or m.group("topic_og") or ""
        new_topic = _strip_q(new_topic)
        if not _content_positions(_WORD.findall(new_topic)):
            # "Og i 2007?": a qualifier for the same topic, not a new topic
            return f"{_strip_q(previous)} {new_topic}?"
        start, end = span
        # keep a preposition that introduced the old topic ("til videndeling" -> "til X")
        frame = prev_words[:start] + [new_topic] + prev_words[end:]
        if new_topic.split()[0].lower() in _PREPOSITIONS and start > 0:
            if prev_words[start - 1].lower() in _PREPOSITIONS:
                frame = prev_words[: start - 1] + [new_topic] + prev_words[end:]
        return " ".join(frame) + "?"

    words = _WORD.findall(question)
    own = _content_positions(words)
    leading_and = bool(_LEADING_AND.match(question))
    pronoun = _PRONOUN.search(question)
    if pronoun and len(own) <= 2:
        topic = " ".join(topic_words)
        replaced = question[: pronoun.start()] + topic + question[pronoun.end() :]
        return replaced
    if (leading_and or len(words) <= 3) and len(own) <= 1:
        # "Hvem betaler?", "Og hvornår?": too short to stand alone
        return f"{_strip_q(question)} ({' '.join(topic_words)})?"
    return question


def condense(question: str, history: Sequence[dict[str, str]], llm: Any | None = None) -> str:
    """Standalone version of `question` given the conversation so far."""
    if not history:
        return question
    if llm is not None:
        try:
            from assistant.llm import condense_with_llm

            rewritten = condense_with_llm(llm, question, history)
            if rewritten and len(rewritten) < 4 * max(len(question), 40):
                return rewritten
        except Exception:  # noqa: BLE001 - fall back to the heuristic
            pass
    return condense_heuristic(question, history)
