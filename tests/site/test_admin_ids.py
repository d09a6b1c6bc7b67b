"""gci.site.admin_ids: what makes the admin's forms refuse a crafted id
as a form error (every admin form is tried in
tests/security/test_admin_form_ids.py; these say which piece does what)."""

import pytest
from modelcluster.forms import childformset_factory
from wagtail.admin.forms.models import formfield_for_dbfield
from wagtail.admin.widgets import AdminPageChooser
from wagtail.documents.widgets import AdminDocumentChooser
from wagtail.models import Page

from gci.calendar.models import ParticipantCount, WorkshopOutcome
from gci.home.circulation.models import Circulation
from gci.home.forms import EditUserForm, InviteUserForm
from gci.site.forms import SafeModelChoiceField, SafeModelMultipleChoiceField

pytestmark = pytest.mark.django_db

BAD_IDS = ["abc", "\x00", "99999999999999999999999", "-1", "1e9"]


def test_the_admin_builds_its_model_choices_with_the_safe_fields():
    """Whatever chooser Wagtail's registry gives a foreign key, its field
    is the safe one; a many-to-many's too."""
    page = formfield_for_dbfield(Circulation._meta.get_field("page"))
    document = formfield_for_dbfield(Circulation._meta.get_field("document"))
    organisations = formfield_for_dbfield(Circulation._meta.get_field("organisations"))
    assert isinstance(page, SafeModelChoiceField)
    assert isinstance(page.widget, AdminPageChooser)
    assert isinstance(document, SafeModelChoiceField)
    assert isinstance(document.widget, AdminDocumentChooser)
    assert isinstance(organisations, SafeModelMultipleChoiceField)


@pytest.mark.parametrize("bad_id", BAD_IDS)
def test_a_chooser_draws_a_bad_id_as_no_choice(bad_id):
    widget = AdminPageChooser()
    html = widget.render("page", bad_id, {"id": "id_page"})  # was a ValueError, an OverflowError
    assert "id_page" in html
    assert widget.get_value_data(bad_id) is None
    page = Page.objects.filter(depth=2).first()
    assert widget.get_value_data(str(page.pk))["id"] == page.pk  # a real id still is one


@pytest.mark.parametrize("bad_id", BAD_IDS)
def test_an_inline_row_posted_with_a_bad_id_is_a_form_error(bad_id):
    outcome = WorkshopOutcome.objects.filter(counts__isnull=False).first()
    assert outcome is not None, "the demo has no outcome with participants"
    formset_class = childformset_factory(
        WorkshopOutcome, ParticipantCount, fields=["country", "agency", "number"]
    )
    formset = formset_class(
        {
            "counts-TOTAL_FORMS": "1",
            "counts-INITIAL_FORMS": "1",
            "counts-MIN_NUM_FORMS": "0",
            "counts-MAX_NUM_FORMS": "1000",
            "counts-0-id": bad_id,  # modelcluster read it unchecked: a ValidationError
            "counts-0-country": "TH",
            "counts-0-agency": "customs",
            "counts-0-number": "3",
        },
        instance=outcome,
        prefix="counts",
    )
    assert not formset.is_valid()
    assert "id" in formset.forms[0].errors


@pytest.mark.parametrize("form_class", [InviteUserForm, EditUserForm])
@pytest.mark.parametrize("bad_id", BAD_IDS)
def test_a_user_form_refuses_a_bad_group(form_class, bad_id):
    """Wagtail's user forms are plain model forms: their groups are chosen
    among with the safe field (past SQLite's integers was an OverflowError)."""
    form = form_class({"groups": [bad_id], "email": "someone@example.org"})
    assert isinstance(form.fields["groups"], SafeModelMultipleChoiceField)
    assert not form.is_valid()
    assert "groups" in form.errors
