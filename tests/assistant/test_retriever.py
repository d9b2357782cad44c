"""Hybrid retrieval on the ingested corpus: ranking, filters before ranking, explanations."""

from __future__ import annotations

from llama_index.core.schema import QueryBundle

from assistant.retriever import FusionConfig, HybridRetriever, LlamaIndexHybridRetriever
from assistant.types import SearchFilters

BILAG = "bilag2_kompetencepulje_2006_sof.txt"
MINUTES = "bufu_2021-06-07_568_task_force_status.txt"


def test_videndeling_section_ranks_first(corpus_retriever: HybridRetriever):
    hits = corpus_retriever.search("Hvor meget blev afsat til videndeling?", k=5)
    assert hits[0].source == BILAG
    assert hits[0].text.startswith("4. Videndeling")
    assert hits[0].section.endswith("Videndeling")
    assert hits[0].lexical_rank == 1


def test_strong_lexical_match_is_not_flattened_by_fusion(corpus_retriever):
    hits = corpus_retriever.search("er supervision obligatorisk for rådgiverne", k=3)
    assert "Supervision er blevet obligatorisk for rådgiverne" in hits[0].text


def test_decision_question_finds_the_decision(corpus_retriever):
    hits = corpus_retriever.search("Hvad besluttede udvalget den 7. juni 2021?", k=3)
    assert hits[0].source == MINUTES
    assert hits[0].section.endswith("Beslutning i Børne- og Ungeudvalget den 7. juni 2021")


def test_english_question_reaches_danish_text(corpus_retriever):
    hits = corpus_retriever.search("How much money was set aside for LEAN?", k=3)
    assert any("2,6 mio. kr." in h.text for h in hits)


def test_source_and_type_filters_apply_before_ranking(corpus_retriever):
    hits = corpus_retriever.search(
        "Hvor meget blev afsat til videndeling?", k=5, filters=SearchFilters(sources=[MINUTES])
    )
    assert hits and all(h.source == MINUTES for h in hits)
    assert len(hits) == 5  # the filter does not eat top-k slots
    by_type = corpus_retriever.search(
        "kompetenceudvikling", k=5, filters=SearchFilters(doc_types=["kommissorium"])
    )
    assert by_type and all(h.doc_type == "kommissorium" for h in by_type)


def test_date_and_committee_filters(corpus_retriever):
    hits = corpus_retriever.search(
        "kompetenceudvikling",
        k=10,
        filters=SearchFilters(date_from="2013-01-01", date_to="2021-12-31"),
    )
    assert hits and all("2013-01-01" <= (h.date or "") <= "2021-12-31" for h in hits)
    committee = corpus_retriever.search(
        "status", k=5, filters=SearchFilters(committee="børne- og unge")
    )
    assert committee and all(h.source == MINUTES for h in committee)


def test_access_filter_hides_everything_not_allowed(corpus_retriever):
    assert corpus_retriever.search("videndeling", k=5, filters=SearchFilters(access=set())) == []
    assert (
        corpus_retriever.search("videndeling", k=5, filters=SearchFilters(access={"lukket"})) == []
    )
    public = corpus_retriever.search("videndeling", k=5, filters=SearchFilters(access={"public"}))
    assert public


def test_empty_query_returns_nothing(corpus_retriever):
    assert corpus_retriever.search("   ", k=5) == []


def test_llama_index_retriever_wrapper(corpus_retriever):
    nodes = LlamaIndexHybridRetriever(corpus_retriever, k=2).retrieve(
        QueryBundle("Hvor meget blev afsat til videndeling?")
    )
    assert len(nodes) == 2
    assert nodes[0].node.metadata["source"] == BILAG
    assert "600.000 kr." in nodes[0].node.get_content()


def test_the_passage_holding_an_answer_sentence_moves_up(corpus_store, corpus_retriever):
    """The final top 10 are reordered by how much of the question the passage's best sentence
    covers: the sentence that says what is started in 2013 outranks a passage that only shares
    the section's words."""
    _, stores, _ = corpus_store
    question = "Hvad bliver igangsat i 2013 i Sygedagpenge og Revalidering?"
    evidence = "Der bliver i 2013 igangsat et arbejde med opkvalificering"
    without = HybridRetriever(stores, fusion=FusionConfig(sentence_weight=0))
    assert evidence not in without.search(question, k=10)[0].text
    hits = corpus_retriever.search(question, k=10)
    assert evidence in hits[0].text
    assert sorted(h.chunk_id for h in hits) == sorted(
        h.chunk_id for h in without.search(question, k=10)
    )  # the same passages, in a new order


def test_a_decision_question_prefers_the_section_that_records_the_decision(
    corpus_store, corpus_retriever
):
    """Within one agenda item the title words are everywhere; the section's kind is not. A
    decision question's passage from "Beslutning i Børne- og Ungeudvalget ..." moves first."""
    _, stores, _ = corpus_store
    question = (
        "Hvad besluttede Børne- og Ungeudvalget på opfølgningsmødet om Task Force i september 2021?"
    )
    without = HybridRetriever(stores, fusion=FusionConfig(section_weight=0)).search(question)
    hits = corpus_retriever.search(question)
    assert "Beslutning" not in without[0].section.rsplit(" > ", 1)[-1]
    assert hits[0].source == MINUTES
    assert hits[0].section.rsplit(" > ", 1)[-1].startswith("Beslutning i Børne- og Ungeudvalget")
    assert sorted(h.chunk_id for h in hits) == sorted(h.chunk_id for h in without)


def test_dense_candidates_are_the_exact_nearest_chunks(corpus_store, corpus_retriever):
    """The dense candidates are the chunks nearest the question by cosine over every vector
    stored in Chroma, in order, and a filter picks among them before ranking. (Chroma's
    approximate search, at the development set's 1 770 chunks, returned another candidate
    list in each process for the same question, and now and then missed the nearest chunk.)"""
    import numpy as np

    _, stores, _ = corpus_store
    question = "Hvordan skal medarbejderne dele viden på tværs af afdelingerne?"
    stored = stores.vectors.collection.get(include=["embeddings", "metadatas"])
    matrix = np.asarray(stored["embeddings"], dtype=np.float64)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    query = np.asarray(stores.embedder.embed_query(question), dtype=np.float64)
    cosine = matrix @ (query / np.linalg.norm(query))
    nearest = np.argsort(-cosine, kind="stable")

    table, _ = corpus_retriever._ensure_fresh()
    got = corpus_retriever._dense(question, 20, None, table, None)
    assert [cid for cid, _ in got] == [stored["ids"][i] for i in nearest[:20]]
    assert np.allclose([score for _, score in got], cosine[nearest[:20]], atol=1e-5)

    only = SearchFilters(sources=[MINUTES])
    filtered = corpus_retriever._dense(
        question, 5, only, table, corpus_retriever._mask(table, only)
    )
    in_minutes = [stored["ids"][i] for i in nearest if stored["metadatas"][i]["source"] == MINUTES]
    assert [cid for cid, _ in filtered] == in_minutes[:5]


def test_unreadable_stored_vectors_fall_back_to_chromas_own_search(corpus_store, monkeypatch):
    """When the vectors cannot be read (a Chroma server gone at the moment the index is
    built), dense search falls back to Chroma's query instead of failing the question."""
    _, stores, _ = corpus_store

    def unreachable(ids):
        raise ConnectionError("chroma server down")

    monkeypatch.setattr(stores.vectors, "vectors", unreachable)
    retriever = HybridRetriever(stores)
    hits = retriever.search("Hvor meget blev afsat til videndeling?", k=5)
    table, _ = retriever._ensure_fresh()
    assert table.vectors is None
    assert hits[0].text.startswith("4. Videndeling") and hits[0].dense_rank is not None


def test_a_passage_cut_inside_a_numbered_list_takes_in_the_rest_of_the_list(
    tmp_path_factory,
) -> None:
    """Four steps over two chunks of one section: the passage holding steps 1-3 (two chunks
    already joined) takes in the chunk that opens with step 4, beyond the joining limit."""
    from tests.conftest import assistant_over

    note = (
        "Notat om fejl i havvandskortene\n\n"
        "Hvad skal der til for at udbedre fejlen?\n\n"
        "Den eksisterende databearbejdning kan stadig bruges for så vidt angår datasættets "
        "geospatiale kvalitet, så processen skal ikke startes helt forfra, men kan korrigeres "
        "med fire tiltag, som hver især er beskrevet nedenfor med de værktøjer, der skal bruges:\n"
        "1. Indledningsvist udtrækkes den korrekte terrænmodels relevante pixels ved brug af "
        "havvandslagene, der bruges som maske for udtrækkene. Der skal i alt foretages ni udtræk "
        "for 20-, 50- og 100-årshændelser for nutid, midtårhundrede og slutårhundrede, og "
        "terrænmodellen hentes som filudtræk fra Dataforsyningen i den nyeste version.\n\n"
        "2. Herpå skal man med rasterberegneren subtrahere de ni nye udtræk fra havvandsstanden "
        "for det relevante klimascenarie for at finde frem til de korrekte vanddybder i hvert "
        "af de berørte områder langs kysten og i havnen, hvor de gamle kort viste for store "
        "vanddybder i de lavtliggende boligområder og på de gamle industrigrunde ved havnen.\n\n"
        "3. De ni rasterdatasæt med vanddybde skal nu vektoriseres med algoritmeværktøjet "
        "Rasterpixels til polygoner, og hvis mængden af pixels er for stor, skal datasættene "
        "interpoleres, før de lægges ind i beregningsmodellen igen sammen med bygningsdata. "
        "Polygonerne kontrolleres stikprøvevis mod de målte vandstande fra stormen i 2023, så "
        "en fejl af samme slags opdages, før kortene bruges igen.\n\n"
        "4. Til slut foretages nye skadesøkonomiske beregninger og udtræk.\n"
        "Arbejdet med korrektionen vurderes samlet set at tage 7-14 dages intensivt arbejde, "
        "fordi der indtil videre har været store usikkerheder i tidsestimeringen af arbejdet "
        "med klimadata, og det forventes også at være tilfældet her.\n"
    )
    stores = assistant_over(
        tmp_path_factory.mktemp("list-rest"), {"notat.txt": note}
    ).retriever.stores
    question = "Hvilke tiltag skal til for at rette fejlen i havvandskortene?"
    without = HybridRetriever(stores, FusionConfig(list_rest_max=0)).search(question)
    hits = HybridRetriever(stores).search(question)
    assert "1. Indledningsvist" in without[0].text and "4. Til slut" not in without[0].text
    assert "1. Indledningsvist" in hits[0].text and "4. Til slut" in hits[0].text
    assert sum("4. Til slut" in h.text for h in hits) == 1  # the step's own passage left
