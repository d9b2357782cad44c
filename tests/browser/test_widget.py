"""The chat widget in a real browser (Debian's chromium, headless) against `plan-assistant
serve`: streamed answers, citation chips that open the highlighted source, tables, feedback,
keyboard use, phone width, and the floating widget embedded in a plain page."""

from __future__ import annotations

import csv
import io
import json
import re
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import save_readme_screenshot

pytestmark = pytest.mark.browser

VIDENDELING = "Hvor meget blev afsat til videndeling?"
FOLLOWUPS = "Hvilke opfølgninger mangler?"

# Counts streamed pieces and the final answer as the widget reports them to the host page.
RECORD_EVENTS = """() => {
  window.__deltas = 0; window.__answers = []; window.__deltasBeforeAnswer = null;
  document.addEventListener('plan-assistant:delta', () => { window.__deltas += 1; });
  document.addEventListener('plan-assistant:answer', (e) => {
    window.__answers.push(e.detail); window.__deltasBeforeAnswer = window.__deltas;
  });
}"""


def ask(page, question: str, answers_before: int) -> dict:
    page.locator("plan-assistant #pa-input").fill(question)
    page.keyboard.press("Enter")
    page.wait_for_function(f"window.__answers.length > {answers_before}", timeout=60_000)
    return page.evaluate(f"window.__answers[{answers_before}]")


def last_answer(page):
    return page.locator("plan-assistant .pa-msg-assistant").last


def test_full_page_chat_streams_a_cited_answer_and_opens_the_source(page, server_url, output_dir):
    page.goto(server_url + "/")
    page.evaluate(RECORD_EVENTS)
    log = page.locator("plan-assistant .pa-log")
    assert log.get_attribute("role") == "log"
    assert log.get_attribute("aria-live") == "polite"
    page.locator("plan-assistant .pa-starter").first.wait_for()
    page.screenshot(path=str(output_dir / "widget-page-start.png"))

    answer = ask(page, VIDENDELING, 0)
    assert page.evaluate("window.__deltasBeforeAnswer") >= 2  # the text arrived in pieces
    bubble = last_answer(page)
    text = bubble.locator(".pa-text")
    assert "600.000 kr." in text.inner_text()
    citation = next(c for c in answer["citations"] if "600.000 kr." in c["quote"])
    chip = text.locator(f'.pa-chip[data-n="{citation["n"]}"]')
    assert chip.is_visible()
    page.screenshot(path=str(output_dir / "widget-page-answer.png"))

    chip.click()
    panel = page.locator("plan-assistant .pa-source")
    mark = panel.locator(".pa-excerpt mark")
    mark.wait_for()
    assert mark.inner_text() == citation["quote"]
    assert panel.locator("#pa-source-title").inner_text() == citation["title"]
    meta = panel.locator(".pa-source-meta-list").inner_text()
    assert f"Side\n{citation['page']}" in meta
    excerpt = panel.locator(".pa-excerpt").inner_text()
    assert len(excerpt) > len(citation["quote"])  # the quote is shown inside its context
    link = panel.locator(".pa-source-foot a")
    href = link.get_attribute("href")
    assert href == f"{server_url}/api/documents/{citation['doc_id']}/file"
    with urllib.request.urlopen(href) as r:
        assert citation["quote"].split("\n")[0] in r.read().decode("utf-8")
    shot = output_dir / "widget-page-source.png"
    page.screenshot(path=str(shot))
    save_readme_screenshot(shot)

    page.keyboard.press("Escape")
    assert panel.is_hidden()
    assert chip.evaluate("el => el === el.getRootNode().activeElement")  # focus returns


def test_follow_up_table_is_sortable_and_downloadable(page, server_url, output_dir):
    page.goto(server_url + "/")
    page.evaluate(RECORD_EVENTS)
    answer = ask(page, FOLLOWUPS, 0)
    assert answer["table"], answer["text"]
    table = last_answer(page).locator("table.pa-table")
    table.wait_for()
    rows = table.locator("tbody tr")
    assert rows.count() == len(answer["table"])
    table.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.screenshot(path=str(output_dir / "widget-page-table.png"))

    # The citation column comes first; sorting it orders the rows by number, both ways.
    header = table.locator("thead th").first
    assert header.inner_text().startswith("Kilde")

    def numbers() -> list[int]:
        return [int(rows.nth(i).locator("td").first.inner_text()) for i in range(rows.count())]

    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    assert numbers() == sorted(numbers())
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "descending"
    assert numbers() == sorted(numbers(), reverse=True)
    rows.first.locator(".pa-chip").click()  # chips inside the table open the source too
    page.locator("plan-assistant .pa-excerpt mark").wait_for()
    page.keyboard.press("Escape")

    with page.expect_download() as info:
        last_answer(page).get_by_role("button", name="Hent CSV").click()
    data = info.value.path().read_text(encoding="utf-8-sig")
    lines = list(csv.reader(io.StringIO(data), delimiter=";"))
    assert len(lines) == len(answer["table"]) + 1
    headers = [th.inner_text().strip("▲▼↕ \n") for th in table.locator("thead th").all()]
    assert lines[0] == headers

    last_answer(page).get_by_role("button", name="Kopiér", exact=True).click()
    expect(last_answer(page).locator(".pa-table-tools .pa-status")).to_have_text(
        "Tabellen er kopieret."
    )
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.split("\n")[0].split("\t") == headers


def test_keyboard_starters_feedback_and_new_conversation(page, server_url):
    page.goto(server_url + "/")
    page.evaluate(RECORD_EVENTS)
    page.locator("plan-assistant .pa-starter").first.wait_for()

    # Tab order: the header's buttons, then the starter questions.
    active = "document.querySelector('plan-assistant').shadowRoot.activeElement"
    visited = []
    for _ in range(6):
        page.keyboard.press("Tab")
        visited.append(page.evaluate(f"{active}.className"))
        if visited[-1] == "pa-starter":
            break
    assert "pa-new" in visited
    assert visited[-1] == "pa-starter"
    assert page.evaluate(f"{active}.closest('header')") is None
    with urllib.request.urlopen(server_url + "/api/suggestions") as r:
        checked = json.load(r)["suggestions"]  # each answered with a citation when built
    assert page.evaluate(f"{active}.textContent") == checked[0]

    # Shift+Enter is a new line, Enter sends.
    box = page.locator("plan-assistant #pa-input")
    box.click()
    page.keyboard.type("Hvad blev afsat")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("til LEAN?")
    assert box.input_value() == "Hvad blev afsat\ntil LEAN?"
    page.keyboard.press("Enter")
    page.wait_for_function("window.__answers.length === 1", timeout=60_000)
    assert box.input_value() == ""
    user = page.locator("plan-assistant .pa-msg-user .pa-bubble").last
    assert user.inner_text() == "Hvad blev afsat\ntil LEAN?"

    # Feedback: thumbs down opens a comment field.
    answer = last_answer(page)
    answer.get_by_role("button", name="Dårligt svar").click()
    assert answer.get_by_role("button", name="Dårligt svar").get_attribute("aria-pressed") == "true"
    comment = answer.locator(".pa-feedback-form input")
    comment.fill("Beløbet mangler")
    comment.press("Enter")
    expect(answer.locator(".pa-actions > .pa-status")).to_have_text("Tak – kommentaren er gemt.")

    # Copy answer puts the text and the numbered sources on the clipboard.
    answer.get_by_role("button", name="Kopiér svar").click()
    expect(answer.locator(".pa-actions > .pa-status")).to_have_text("Svaret er kopieret.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(page.evaluate("window.__answers[0].text"))

    # The conversation survives a reload, and "Ny samtale" clears it.
    page.reload()
    page.locator("plan-assistant .pa-msg-user").first.wait_for()
    assert page.locator("plan-assistant .pa-msg-assistant").count() == 1
    page.locator("plan-assistant .pa-new").click()
    assert page.locator("plan-assistant .pa-msg-assistant").count() == 0
    assert page.locator("plan-assistant .pa-welcome").is_visible()
    assert (
        page.evaluate("document.querySelector('plan-assistant').shadowRoot.activeElement.id")
        == "pa-input"
    )


def test_abstention_is_marked_and_lists_nearest_sources(page, server_url):
    page.goto(server_url + "/")
    page.evaluate(RECORD_EVENTS)
    answer = ask(page, "Hvad kostede den nye svømmehal i Aarhus i 2019?", 0)
    assert answer["abstained"] is True
    bubble = last_answer(page)
    assert "pa-abstained" in bubble.get_attribute("class")
    assert bubble.locator(".pa-abstain-label").inner_text().lower() == "ikke fundet i dokumenterne"
    nearest = bubble.locator(".pa-sources")
    assert nearest.locator("h3").inner_text().lower() == "nærmeste kilder"
    assert nearest.locator("button").count() >= 1
    nearest.locator("button").first.click()
    page.locator("plan-assistant .pa-excerpt mark").wait_for()


def test_phone_width(page, server_url, output_dir):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server_url + "/")
    page.evaluate(RECORD_EVENTS)
    ask(page, VIDENDELING, 0)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # nothing overflows sideways
    send = page.locator("plan-assistant .pa-send").bounding_box()
    assert send["x"] + send["width"] <= 390
    page.screenshot(path=str(output_dir / "widget-phone.png"))
    last_answer(page).locator(".pa-text .pa-chip").first.click()
    panel = page.locator("plan-assistant .pa-source").bounding_box()
    assert panel["width"] >= 380  # the source covers the chat on a phone
    page.screenshot(path=str(output_dir / "widget-phone-source.png"))


def test_widget_embedded_in_a_plain_page(page, server_url, embed_url, output_dir):
    page.goto(embed_url)
    page.evaluate(RECORD_EVENTS)
    launcher = page.locator("plan-assistant .pa-launcher")
    launcher.wait_for()
    assert launcher.get_attribute("aria-expanded") == "false"
    assert page.locator("plan-assistant .pa-panel").is_hidden()
    page.screenshot(path=str(output_dir / "widget-embedded-closed.png"))

    launcher.click()
    assert launcher.get_attribute("aria-expanded") == "true"
    assert page.locator("plan-assistant #pa-title").inner_text() == "Spørg planassistenten"
    assert (
        page.evaluate("document.querySelector('plan-assistant').shadowRoot.activeElement.id")
        == "pa-input"
    )
    answer = ask(page, VIDENDELING, 0)  # cross-origin: needs the API's CORS setting
    assert answer["citations"]
    assert re.search(r"600\.000 kr\.", last_answer(page).locator(".pa-text").inner_text())
    last_answer(page).locator(".pa-text .pa-chip").first.click()
    page.locator("plan-assistant .pa-excerpt mark").wait_for()
    page.screenshot(path=str(output_dir / "widget-embedded-open.png"))

    # The host page's styles do not leak into the widget (shadow DOM).
    header = page.locator("plan-assistant .pa-header")
    font = header.evaluate("el => getComputedStyle(el).fontFamily")
    assert "Georgia" not in font

    page.keyboard.press("Escape")  # closes the source
    page.keyboard.press("Escape")  # closes the panel
    assert page.locator("plan-assistant .pa-panel").is_hidden()
    assert launcher.evaluate("el => el === el.getRootNode().activeElement")
