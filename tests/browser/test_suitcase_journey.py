"""A Partner sends slides that are not what their name says, and is told why
(a real browser). Finding and downloading a material is in the Partner's
journey (test_journeys.py)."""

from pathlib import Path

from tests.browser.test_journeys import shot, sign_in


def test_partner_sends_a_fake_pdf_and_is_told_why(server, page, tmp_path):
    page.goto(server["base"] + "/en/accounts/login/")
    sign_in(page, "cites.partner@greencustoms.example")
    page.wait_for_url("**/en/partners-area/")
    page.click("section[aria-labelledby=panel-suitcase] >> text=Send a material")
    page.wait_for_url("**/gci-suitcase/submit/")
    fake = Path(tmp_path) / "slides.pdf"
    fake.write_bytes(b"<html><script>alert(1)</script></html>")
    page.fill("input[name=title]", "Ivory identification slides")
    page.fill("textarea[name=summary]", "How to tell ivory from its imitations.")
    page.check("input[name=topics][value=endangered_species]")
    page.check("input[name=languages][value=en]")
    page.set_input_files("input[name=file]", str(fake))
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert "not a document type the suitcase accepts" in page.locator("main").inner_text()
    assert page.input_value("input[name=title]") == "Ivory identification slides"
    shot(page, "suitcase-submit-refused")
