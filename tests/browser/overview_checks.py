"""What a new employee sees in Overblik, checked the same way on any corpus: every starter
question answers with a citation, the view is styled (not browser defaults), and a phone-width
screen has no horizontal scroll."""

from __future__ import annotations

from playwright.sync_api import Page, expect

W = "plan-assistant"
PHONE = {"width": 390, "height": 844}

RECORD_ANSWERS = """() => {
  window.__answers = [];
  document.addEventListener('plan-assistant:answer', (e) => window.__answers.push(e.detail));
}"""

# Computed styles of elements of the view, and of a plain <button> for comparison.
STYLES = """() => {
  const root = document.querySelector('plan-assistant').shadowRoot;
  const pick = (el) => {
    const s = getComputedStyle(el);
    return {font: s.fontFamily, size: s.fontSize, weight: s.fontWeight, color: s.color,
            bg: s.backgroundColor, radius: s.borderTopLeftRadius, border: s.borderTopWidth,
            borderStyle: s.borderTopStyle, padLeft: s.paddingLeft, padTop: s.paddingTop,
            outline: s.outlineStyle, outlineColor: s.outlineColor};
  };
  const plain = document.createElement('button');
  plain.textContent = 'x';
  document.body.appendChild(plain);
  const out = {
    plain: pick(plain),
    chatStarter: root.querySelector('.pa-starter') && pick(root.querySelector('.pa-starter')),
    head: pick(root.querySelector('.ov-head')),
    tab: pick(root.querySelector('.ov-tab[aria-selected="true"]')),
    starter: pick(root.querySelector('.ov-starters button')),
    item: pick(root.querySelector('.ov-item')),
    docHead: pick(root.querySelector('.ov-doc-head')),
    title: pick(root.querySelector('.ov-doc-title')),
    headerFont: getComputedStyle(root.querySelector('.pa-header')).fontFamily,
  };
  plain.remove();
  return out;
}"""

# Widths of the page and of every scrolling box of the view.
OVERFLOW = """() => {
  const root = document.querySelector('plan-assistant').shadowRoot;
  const boxes = [...root.querySelectorAll('.ov-scroll, .ov-panel, .ov-root, .ov-body')];
  return {
    page: [document.documentElement.scrollWidth, window.innerWidth],
    boxes: boxes.map((b) => [b.className, b.scrollWidth, b.clientWidth]),
    wider: [...root.querySelectorAll('.ov-panel *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5).map((el) => el.className || el.tagName),
  };
}"""


def open_overview(page: Page, url: str) -> None:
    page.goto(url + "/")
    page.evaluate(RECORD_ANSWERS)
    toggle = page.locator(f"{W} .pa-overview-toggle")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(page.locator(f"{W} .ov-panel .ov-item").first).to_be_visible()


def starter_questions(page: Page) -> list[str]:
    starters = page.locator(f"{W} .ov-starters button")
    expect(starters.first).to_be_visible(timeout=120_000)  # built on first request
    return starters.all_inner_texts()


def assert_every_suggestion_answers_with_a_citation(page: Page, url: str) -> list[dict]:
    """Click each Overblik suggestion in turn, each in a new conversation; each gives a
    cited, non-abstained answer."""
    open_overview(page, url)
    questions = starter_questions(page)
    assert len(questions) >= 3, questions
    answers = []
    for i, question in enumerate(questions):
        if i:  # each starts its own conversation, as it was checked (no earlier turns)
            page.locator(f"{W} .pa-new").click()
            page.locator(f"{W} .pa-overview-toggle").click()
        page.locator(f"{W} .ov-starters button", has_text=question).click()
        page.wait_for_function(f"window.__answers.length > {i}", timeout=60_000)
        answer = page.evaluate(f"window.__answers[{i}]")
        assert not answer.get("abstained"), (question, answer["text"])
        assert answer["citations"], (question, answer["text"])
        bubble = page.locator(f"{W} .pa-msg-assistant").last
        expect(bubble.locator(".pa-chip").first).to_be_visible()
        answers.append({"question": question, **answer})
    # The chat's own welcome offers the same checked questions.
    page.locator(f"{W} .pa-new").click()
    chat_starters = page.locator(f"{W} .pa-starter")
    expect(chat_starters.first).to_be_visible()
    assert set(chat_starters.all_inner_texts()) <= set(questions)
    return answers


def assert_styled(page: Page) -> None:
    """The view uses the chat's type, colours, spacing and focus ring, not browser defaults."""
    page.locator(f"{W} .ov-starters button").first.wait_for()
    s = page.evaluate(STYLES)
    plain = s["plain"]
    assert s["head"]["font"] == s["headerFont"]  # one typeface with the chat
    assert float(s["head"]["padLeft"].rstrip("px")) >= 12  # text is not flush to the edge
    assert s["tab"]["bg"] != plain["bg"] and s["tab"]["border"] == "0px"
    assert s["tab"]["color"] == "rgb(29, 78, 110)" and int(s["tab"]["weight"]) >= 600
    assert s["starter"]["radius"] != plain["radius"] and s["starter"]["bg"] == "rgb(255, 255, 255)"
    if s["chatStarter"]:
        assert s["starter"]["color"] == s["chatStarter"]["color"]
    assert s["item"]["bg"] == "rgb(255, 255, 255)" and s["item"]["radius"] == "10px"
    assert s["docHead"]["bg"] in ("rgba(0, 0, 0, 0)", "transparent")
    assert s["docHead"]["border"] == "0px" or s["docHead"]["borderStyle"] == "none"
    assert s["title"]["color"] == "rgb(29, 78, 110)"
    # Keyboard focus shows the chat's amber focus ring.
    tab = page.locator(f"{W} .ov-tab[aria-selected='true']")
    tab.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")
    focused = page.evaluate(
        "() => { const el = document.querySelector('plan-assistant').shadowRoot.activeElement;"
        " const s = getComputedStyle(el); return [el.className, s.outlineStyle, s.outlineColor]; }"
    )
    assert focused == ["ov-tab", "solid", "rgb(245, 158, 11)"], focused


def assert_no_horizontal_scroll(page: Page) -> None:
    info = page.evaluate(OVERFLOW)
    width, inner = info["page"]
    assert width <= inner, info
    for _name, scroll, client in info["boxes"]:
        assert scroll <= client + 1, info
    assert not info["wider"], info


def walk_the_tabs_at_phone_width(page: Page) -> None:
    """Three suggestions first, every tab and three open document cards, each without
    sideways scroll."""
    starters = page.locator(f"{W} .ov-starters li")
    expect(starters.first).to_be_visible(timeout=120_000)
    if starters.count() > 3:
        expect(starters.nth(3)).to_be_hidden()
        more = page.locator(f"{W} .ov-more")
        more.click()
        expect(more).to_have_attribute("aria-expanded", "true")
        expect(starters.nth(3)).to_be_visible()
    assert_no_horizontal_scroll(page)
    panel = page.locator(f"{W} .ov-panel")
    heads = panel.locator(".ov-doc-head")
    for i in range(min(3, heads.count())):
        heads.nth(i).click()
        expect(heads.nth(i)).to_have_attribute("aria-expanded", "true")
        expect(panel.locator(".ov-card").nth(i)).to_contain_text("Kort fortalt")
    assert_no_horizontal_scroll(page)
    for name in ("Programmer", "Ordliste", "Tidslinje"):
        page.locator(f"{W} [role=tab]", has_text=name).click()
        expect(page.locator(f"{W} [role=tab]", has_text=name)).to_have_attribute(
            "aria-selected", "true"
        )
        expect(panel.locator(".ov-status", has_text="Henter")).to_have_count(0)
        assert_no_horizontal_scroll(page)
