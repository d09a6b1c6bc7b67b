"""A Partner finds the CITES modules in Spanish in two clicks from the suitcase,
opens one, and sends a presentation (a real browser)."""

from pathlib import Path

from tests.browser.test_journeys import shot, sign_in


def test_partner_finds_the_spanish_cites_modules_and_sends_slides(server, page, tmp_path):
    page.goto(server["base"] + "/en/accounts/login/")
    sign_in(page, "cites.partner@greencustoms.example")
    page.wait_for_url("**/en/partners-area/")
    page.click("#panel-suitcase a")
    page.wait_for_url("**/gci-suitcase/")
    shot(page, "suitcase-en")
    page.click(".suitcase__facets >> text=CITES Secretariat")
    page.click(".suitcase__facets >> text=Spanish")  # the second click
    titles = page.locator(".material-item__title").all_inner_texts()
    assert len(titles) == 2 and all("módulo" in title for title in titles)
    shot(page, "suitcase-cites-spanish")
    page.click(".material-item__title a >> nth=0")
    assert page.locator("main a.button", has_text="Download").is_visible()
    shot(page, "suitcase-material")

    page.goto(server["base"] + "/en/partners-area/gci-suitcase/submit/")
    fake = Path(tmp_path) / "slides.pdf"
    fake.write_bytes(b"<html><script>alert(1)</script></html>")
    page.fill("input[name=title]", "Ivory identification slides")
    page.fill("textarea[name=summary]", "How to tell ivory from its imitations.")
    page.check("input[name=topics][value=endangered_species]")
    page.check("input[name=languages][value=en]")
    page.set_input_files("input[name=file]", str(fake))
    page.click("main button[type=submit]")
    assert "not a document type the suitcase accepts" in page.locator("main").inner_text()
    assert page.input_value("input[name=title]") == "Ivory identification slides"
    shot(page, "suitcase-submit-refused")
