"""Wagtail's choosers take the chosen id as text (``chosen/<str:pk>/``) and
looked it up unchecked: ``chosen/abc/`` was a 500 for the Secretariat
(gci.site.middleware.ChosenIdMiddleware makes it a 404)."""

import io

import pytest
from django.core.files.images import ImageFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from gci.home.models import PartnerOrganisation
from gci.materials.models import Course
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db

CHOOSERS = [
    ("wagtailimages_chooser:chosen", get_image_model),
    ("wagtaildocs_chooser:chosen", get_document_model),
    ("wagtailsnippetchoosers_home_partnerorganisation:chosen", lambda: PartnerOrganisation),
    ("wagtailsnippetchoosers_materials_course:chosen", lambda: Course),
]


@pytest.fixture
def secretariat_client(client, secretariat_user):
    force_login_with_totp(client, secretariat_user)
    return client


@pytest.mark.parametrize("name,model", CHOOSERS)
@pytest.mark.parametrize("bad", ["abc", "1\x00", "99999999999999999999999", "-1", "١"])
def test_a_chosen_id_that_is_not_a_number_is_a_404(secretariat_client, name, model, bad):
    url = reverse(name, args=["0"]).replace("/0/", f"/{bad}/")
    assert secretariat_client.get(url).status_code == 404


def an_image():
    """A new image: the demo's files are not in the test's media folder."""
    picture = io.BytesIO()
    PILImage.new("RGB", (8, 8), "green").save(picture, "PNG")
    return get_image_model().objects.create(
        title="Chosen", file=ImageFile(picture, name="chosen.png")
    )


@pytest.mark.parametrize("name,model", CHOOSERS)
def test_a_real_id_is_still_chosen(secretariat_client, name, model):
    chosen = an_image() if model is get_image_model else model().objects.order_by("pk").first()
    assert chosen is not None, "the demo has one"
    response = secretariat_client.get(reverse(name, args=[chosen.pk]))
    assert response.status_code == 200
    assert response.json()["step"] == "chosen"
