"""What a sentence states (assistant/extractive/shapes.py)."""

from assistant.extractive.shapes import has_count


def test_a_plans_or_items_number_is_no_count() -> None:
    """ "Hvor stort et butiksareal må butikken få?" is not answered by "forslag til Lokalplan
    409 …": a plan's, an item's or a paragraph's number states no size; a figure beside it
    does."""
    assert not has_count("Udvalget skal tage stilling til forslag til Lokalplan 409.")
    assert not has_count("Sagen behandles under punkt 7, jf. § 6.4 og bilag 2.")
    assert has_count("Lokalplan 409 giver mulighed for et butiksareal på 1.200 m².")
    assert not has_count("Planen gælder frem mod 2035.")


def test_a_period_is_a_column_name() -> None:
    """ "Nøgletal | Mål pr. kvartal | 1. kvt. 2025 | Vurdering" names columns as a year does,
    so a row under it is shown with them (probe 94's "… – 40 dage – 44 dage – Ikke nået"
    told no reader which was the goal); a row of figures names none."""
    from assistant.extractive.shapes import names_columns

    assert names_columns("Nøgletal\tMål pr. kvartal\t1. kvt. 2025\tVurdering")
    assert names_columns("Skole\t2023/24\t2024/25")
    assert names_columns("Post\tBudget 2025\t2. halvår")
    assert not names_columns("Vejledte virksomheder\t75\t84\tNået")
    assert not names_columns("1. Forord\t3")


def test_a_caption_under_a_table_gives_its_rows_unit(tmp_path_factory) -> None:
    """ "Tabel 7.1: Anlægsudgifter i fase 3, mio. kr." under the table says what its bare
    figures are, as a unit line above it would ("fase 3," is no amount before the unit)."""
    from assistant.extractive.shapes import row_amounts, states_unit
    from tests.conftest import assistant_over, only_view

    assert states_unit("Tabel 7.1: Anlægsudgifter i fase 3, mio. kr. (2025-priser)")
    assert not states_unit("Heraf overføres de 1,4 mio. kr. til 2026.")
    plan = (
        "# Havneudviklingsplan\n\n## 7.4 Anlægsudgifter i fase 3\n\n"
        "| Delprojekt | 2029 | 2030 | 2031 | I alt |\n|---|---|---|---|---|\n"
        "| Byggemodning Vestkajen | 8,4 | 5,1 | 2,2 | 15,7 |\n"
        "| Stiforbindelse og broer | 2,3 | 3,0 | 2,0 | 7,3 |\n\n"
        "Tabel 7.1: Anlægsudgifter i fase 3, mio. kr. (2025-priser)\n\n"
        "## 8. Tidsplan\n\nFase 3 gennemføres i 2029-2031.\n"
    )
    unseen = assistant_over(tmp_path_factory.mktemp("unit-below"), {"plan.md": plan})
    view = only_view(unseen)
    row = view.text.index("Stiforbindelse og broer")
    assert row_amounts(view, row) == {2_300_000.0, 3_000_000.0, 2_000_000.0, 7_300_000.0}
