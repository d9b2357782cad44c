"""The no-LLM answerer: pick the sentences that answer the question and cite each.

Candidates are the sentences of the retrieved chunks (split over the whole document, so a
sentence is never cut at a chunk edge), plus any extra sentences a caller adds (facts rows).
Each is scored against the question:

- *coverage*: the question's words, grouped per surface word, IDF-weighted (document frequency
  over chunks), matched by stem or - for compounds - by their parts ("videndelingen" meets
  "videndeling"; "kontaktforløbene" half-meets "kontaktførelser" through "kontakt").
  Measured on the sentence alone and on the sentence with its context (section headings,
  document title, committee): "Der afsættes 600.000 kr. til dette." is about the heading
  "4. Videndeling" above it.
- *what the question wants*: a date for "hvornår", a number for "hvor mange", an amount for
  "hvor meget", a decision verb or a "Beslutning" section for decisions.
- a small prior from the chunk's retrieval rank.

The best sentence decides whether to answer at all (abstention below a coverage threshold
tuned on eval/questions.jsonl); then up to three more sentences are added greedily when they
score close to it and cover question words the answer does not have yet; a sentence that opens
a list (ends with ":") brings its items. Sentences are shown in document order.

The package, one job per module:

- `answerer.py`: `ExtractiveAnswerer.select`, which decides what answers;
- `scoring.py`: `SentenceScorer`, the coverages and features each candidate is scored by;
- `places.py`: `DocumentPlaces`, where a sentence sits (a table row, a decision section, a case
  header, the years it is about);
- `latest.py`: `LatestValues`, a later paper's date or amount in place of an earlier one;
- `lists.py`: `ListFinder`, the lists and tables that answer "hvilke …?";
- `companions.py`: `Companions`, what is shown beside the best sentence;
- `shapes.py`: what a line looks like (a label, a column-names row, a count, its years);
- `model.py`: the candidates, the selection and the tuned `ExtractiveConfig`.
- `step.py`: what every step reads (documents, term statistics, config, places).
"""

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.model import Candidate, ExtractiveConfig, Selection

__all__ = ["Candidate", "ExtractiveAnswerer", "ExtractiveConfig", "Selection"]
