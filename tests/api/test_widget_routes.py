from __future__ import annotations

import re

# Any absolute URL except the documentation placeholder and the SVG namespace.
EXTERNAL_URL = re.compile(r"https?://(?!HOST\b|www\.w3\.org/2000/svg)[a-z0-9]")


def test_index_is_the_full_page_chat(client):
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert '<html lang="da">' in r.text
    assert re.search(r'<script src="widget.js" data-mode="page"', r.text)


def test_widget_script_defines_the_custom_element(client):
    r = client.get("/widget.js")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/javascript")
    assert 'customElements.define("plan-assistant"' in r.text
    assert 'role="log" aria-live="polite"' in r.text


def test_stylesheet_and_no_external_resources(client):
    css = client.get("/chat.css")
    assert css.status_code == 200
    assert css.headers["content-type"].startswith("text/css")
    for body in (css.text, client.get("/widget.js").text, client.get("/").text):
        # No fonts or scripts from other hosts: intranets are often closed.
        assert not EXTERNAL_URL.search(body), EXTERNAL_URL.search(body)
        assert "@import" not in body and "@font-face" not in body
