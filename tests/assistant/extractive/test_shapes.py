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
