"""Customer-written text is shown as text, never as markup."""

from __future__ import annotations

from tests.helpers.web_desk import ADA, AMY, CARL


def test_a_message_with_a_script_tag_renders_as_text_on_the_promise_page(as_person, world):
    page = as_person(CARL).get(f"/promises/{world.promises['carl_open']}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<mark id="promise">I&#39;ll call you back tomorrow</mark>' in html
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]


def test_the_customers_message_shown_for_context_is_escaped(as_person, world):
    html = as_person(AMY).get(f"/promises/{world.promises['amy_soon']}").get_data(as_text=True)
    assert "In reply to the customer" in html
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; never arrived &amp; I&#39;m" in html
    assert "<script>" not in html


def test_ticket_subjects_and_quotes_are_escaped_on_the_lists(as_person, world):
    mine = as_person(AMY).get("/me").get_data(as_text=True)
    assert "<b>late</b>" not in mine and "&lt;b&gt;late&lt;/b&gt;" in mine
    lead = as_person(ADA).get("/lead").get_data(as_text=True)
    assert "<b>" not in lead and "<script>" not in lead


def test_the_highlight_never_lets_markup_through():
    from tracker.web.formatting import highlight

    text = "<img src=x onerror=alert(1)> I'll <b>call</b> you"
    html = str(highlight(text, text.index("I'll"), len(text)))
    assert "<img" not in html and "<b>" not in html
    assert html.count("<mark") == 1 and html.endswith("</mark>")
    assert str(highlight("abc", 5, 2)) == 'abc<mark id="promise"></mark>'
