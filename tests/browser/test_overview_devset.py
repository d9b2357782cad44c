"""Overblik on the development set of real documents (../shared/devset), in a real browser:
every suggestion answers with a citation, the view is styled, a phone has no sideways scroll,
and the screenshots in docs/ are refreshed on request (PLAN_ASSISTANT_UPDATE_SCREENSHOT=1).

The server's first start ingests the 43 documents (about five minutes on two cores with an
empty embedding cache; seconds with PLAN_ASSISTANT_EMBED_CACHE_DIR pointing at a filled one),
once for the module.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.api.conftest import free_port
from tests.browser.conftest import save_readme_screenshot, serve
from tests.browser.overview_checks import (
    PHONE,
    W,
    assert_every_suggestion_answers_with_a_citation,
    assert_no_horizontal_scroll,
    assert_styled,
    open_overview,
    walk_the_tabs_at_phone_width,
)
from tests.conftest import ROOT

DEVSET = ROOT.parent / "shared" / "devset" / "corpus"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not DEVSET.is_dir(), reason=f"development set absent ({DEVSET}); see shared/devset"
    ),
]


@pytest.fixture(scope="module")
def devset_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data_dir = tmp_path_factory.mktemp("devset-data")
    log_path = tmp_path_factory.mktemp("devset-log") / "serve.log"
    with serve(DEVSET, data_dir, free_port(), log_path, timeout=1800) as url:
        yield url


def test_devset_suggestions_give_cited_answers(page, devset_url, output_dir):
    answers = assert_every_suggestion_answers_with_a_citation(page, devset_url)
    for a in answers:  # nothing from navigation, tables of contents or attachment lists
        q = a["question"].lower()
        assert not any(w in q for w in ("forsiden", "indhold", "bilag", ".pdf", "dagsorden og")), q
    (output_dir / "devset-suggestions.txt").write_text(
        "\n".join(f"{a['question']}\t{len(a['citations'])} kilder" for a in answers) + "\n"
    )


def test_devset_overview_desktop(page, devset_url, output_dir):
    open_overview(page, devset_url)
    assert_styled(page)
    shot = output_dir / "overview-devset-desktop-top.png"
    page.screenshot(path=str(shot))
    # A meeting's card opens in place: its items, budgets and open follow-ups with sources.
    panel = page.locator(f"{W} .ov-panel")
    heads = panel.locator(".ov-doc-head", has_text="Referat")
    head = heads.first if heads.count() else panel.locator(".ov-doc-head").first
    head.click()
    expect(head).to_have_attribute("aria-expanded", "true")
    card = panel.locator(f"#{head.get_attribute('aria-controls')}")
    expect(card).to_contain_text("Kort fortalt")
    expect(card.locator(".ov-src").first).to_be_visible()
    head.evaluate(
        "el => { el.scrollIntoView({block: 'start'}); el.closest('.ov-scroll').scrollBy(0, -70); }"
    )
    assert_no_horizontal_scroll(page)
    shot = output_dir / "overview-devset-desktop.png"
    page.screenshot(path=str(shot))
    save_readme_screenshot(shot, "overview-devset-desktop.png")


def test_devset_overview_phone(page, devset_url, output_dir):
    page.set_viewport_size(PHONE)
    open_overview(page, devset_url)
    shot = output_dir / "overview-devset-phone.png"
    assert_no_horizontal_scroll(page)
    page.screenshot(path=str(shot))
    save_readme_screenshot(shot, "overview-devset-phone.png")
    walk_the_tabs_at_phone_width(page)
    page.screenshot(path=str(output_dir / "overview-devset-phone-timeline.png"))


def test_devset_programmes_and_timeline_are_listed(page, devset_url, output_dir):
    """What the programmes and timeline show, saved for the report (read, not judged)."""
    open_overview(page, devset_url)
    panel = page.locator(f"{W} .ov-panel")
    page.locator(f"{W} [role=tab]", has_text="Programmer").click()
    expect(panel.locator(".ov-item").first).to_be_visible()
    programmes = panel.locator(".ov-item").all_inner_texts()
    page.locator(f"{W} [role=tab]", has_text="Tidslinje").click()
    expect(panel.locator(".ov-event").first).to_be_visible()
    events = panel.locator(".ov-event").all_inner_texts()
    assert programmes and events
    Path(output_dir / "devset-programmes-timeline.txt").write_text(
        "PROGRAMMES\n"
        + "\n".join(p.replace("\n", " | ") for p in programmes)
        + "\n\nTIMELINE\n"
        + "\n".join(e.replace("\n", " | ") for e in events)
        + "\n"
    )
