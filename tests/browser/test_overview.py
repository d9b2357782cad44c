"""A new employee's first afternoon, in a real browser (Debian's chromium, headless) against
`plan-assistant serve` on corpus/: open Overblik, open a document card in place, open a
programme, open a budget row's source, look up an abbreviation and ask what it means; every
suggestion answers with a citation; the view is styled and fits a phone."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.overview_checks import (
    PHONE,
    assert_every_suggestion_answers_with_a_citation,
    assert_styled,
    open_overview,
    walk_the_tabs_at_phone_width,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path("/usr/bin/chromium").exists(),
        reason="/usr/bin/chromium is absent (apt-get install chromium)",
    ),
]

WIDGET = "plan-assistant"


def test_new_employee_path(page, server_url, output_dir):
    page.goto(server_url + "/")
    toggle = page.locator(f"{WIDGET} .pa-overview-toggle")
    expect(toggle).to_have_text("Overblik")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")

    # Documents by committee, each opening its card with a cited summary.
    tabs = page.locator(f"{WIDGET} [role=tab]")
    expect(tabs).to_have_text(["Dokumenter", "Programmer", "Ordliste", "Tidslinje"])
    panel = page.locator(f"{WIDGET} .ov-panel")
    expect(panel.locator("h3").first).to_be_visible()
    expect(panel).to_contain_text("Børne- og Ungeudvalget")
    card_button = panel.get_by_role("button", name="568. Status på Task Force-projektet")
    card_button.click()
    # The card opens in place, under its title, with a cited summary and its open follow-ups.
    expect(card_button).to_have_attribute("aria-expanded", "true")
    card = panel.locator(f"#{card_button.get_attribute('aria-controls')}")
    expect(card).to_contain_text("Kort fortalt")
    expect(card).to_contain_text("orienteres om fremdrift og status for Task-Force projektet")
    expect(card).to_contain_text("Åbne opfølgninger")
    expect(card.locator(".ov-src").first).to_be_visible()
    expect(panel.locator("h3", has_text="Børne- og Ungeudvalget")).to_be_visible()  # list stays
    page.screenshot(path=str(output_dir / "overview-card.png"))

    # Keyboard: arrow keys move between the tabs.
    documents_tab = tabs.nth(0)
    documents_tab.focus()
    page.keyboard.press("ArrowRight")
    expect(tabs.nth(1)).to_have_attribute("aria-selected", "true")
    expect(tabs.nth(1)).to_be_focused()

    # A programme page: documents in time order, budgets with their sources.
    panel.get_by_role("button", name="Projekterne i kompetencepuljen fra 2006").click()
    expect(panel.locator("h3")).to_have_text("Projekterne i kompetencepuljen fra 2006")
    row = panel.locator(".ov-table tr", has_text="600.000 kr.")
    expect(row).to_contain_text("Videndeling")
    page.screenshot(path=str(output_dir / "overview-programme.png"))
    row.locator(".ov-src").click()

    # The widget's source panel shows the passage with the amount highlighted.
    source = page.locator(f"{WIDGET} .pa-source")
    expect(source).to_be_visible()
    expect(source.locator("mark")).to_have_text("Der afsættes 600.000 kr. til dette.")
    page.screenshot(path=str(output_dir / "overview-budget-source.png"))
    page.keyboard.press("Escape")
    expect(source).to_be_hidden()

    # The glossary: defined abbreviations with their source, the undefined ones kept apart.
    tabs.nth(2).click()
    expect(panel).to_contain_text("Beskæftigelses- og Integrationsforvaltning")
    expect(panel).to_contain_text("Brugt, men ikke defineret")
    undefined = panel.locator(".ov-list .ov-item", has_text="FAU")
    expect(undefined).to_contain_text("forekomster")
    page.screenshot(path=str(output_dir / "overview-glossary.png"))

    # Asking about an abbreviation goes to the chat, answered with a citation.
    panel.get_by_role("button", name="Spørg: Hvad betyder BIF?").click()
    expect(toggle).to_have_attribute("aria-pressed", "false")
    answer = page.locator(f"{WIDGET} .pa-msg-assistant").last
    expect(answer).to_contain_text("Beskæftigelses- og Integrationsforvaltning", timeout=60_000)
    chip = answer.locator(".pa-chip").first
    expect(chip).to_be_visible()
    chip.click()
    expect(source.locator("mark")).to_contain_text("(BIF)")
    page.screenshot(path=str(output_dir / "overview-glossary-answer.png"))


def test_timeline_filters_by_committee(page, server_url):
    page.goto(server_url + "/")
    page.locator(f"{WIDGET} .pa-overview-toggle").click()
    page.locator(f"{WIDGET} [role=tab]", has_text="Tidslinje").click()
    panel = page.locator(f"{WIDGET} .ov-panel")
    expect(panel.locator(".ov-event").first).to_be_visible()
    all_events = panel.locator(".ov-event").count()
    panel.locator("select[name=committee]").select_option("Børne- og Ungeudvalget")
    expect(panel.locator("select[name=committee]")).to_have_value("Børne- og Ungeudvalget")
    expect(panel.locator(".ov-event").first).to_be_visible()
    filtered = panel.locator(".ov-event")
    assert 0 < filtered.count() < all_events
    expect(filtered.first).to_contain_text("bufu_2021-06-07_568_task_force_status.txt")


def test_every_suggestion_gives_a_cited_answer(page, server_url, output_dir):
    answers = assert_every_suggestion_answers_with_a_citation(page, server_url)
    kinds = {a["question"].split()[1] for a in answers}  # "meget", "blev", "betyder", ...
    assert len(kinds) >= 3, [a["question"] for a in answers]
    page.screenshot(path=str(output_dir / "overview-suggestion-answered.png"))


def test_overview_is_styled_like_the_chat(page, server_url, output_dir):
    open_overview(page, server_url)
    assert_styled(page)
    page.screenshot(path=str(output_dir / "overview-desktop.png"))


def test_phone_width_has_no_horizontal_scroll(page, server_url, output_dir):
    page.set_viewport_size(PHONE)
    open_overview(page, server_url)
    walk_the_tabs_at_phone_width(page)
    page.screenshot(path=str(output_dir / "overview-phone.png"))


def test_keyboard_opens_a_card_and_it_is_announced(page, server_url):
    open_overview(page, server_url)
    head = page.locator("plan-assistant .ov-doc-head").first
    head.focus()
    page.keyboard.press("Enter")
    expect(head).to_have_attribute("aria-expanded", "true")
    card = page.locator(f"plan-assistant #{head.get_attribute('aria-controls')}")
    expect(card).to_contain_text("Kort fortalt")
    status = page.locator("plan-assistant .ov-sr")
    assert status.get_attribute("role") == "status"
    expect(status).to_contain_text("Dokumentkort åbnet")
    # Each point, amount and follow-up links to its source with a spoken name.
    for button in card.locator(".ov-src").all()[:5]:
        assert (button.get_attribute("aria-label") or "").startswith("Vis kilde")
    page.keyboard.press("Enter")
    expect(head).to_have_attribute("aria-expanded", "false")
    expect(card).to_be_hidden()
