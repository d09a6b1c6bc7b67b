"""The Secretariat keeps materials in the admin; translations through wagtail-localize."""

import pytest
from wagtail.models import Locale

from gci.home.models import PartnerOrganisation
from gci.materials.models import Material
from tests.factories.materials import MaterialFactory, SuitcaseDocumentFactory
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, secretariat_user):
    force_login_with_totp(client, secretariat_user)
    return client


def test_the_secretariat_adds_a_material_in_the_admin(admin_client):
    assert admin_client.get("/admin/snippets/materials/material/").status_code == 200
    add_url = "/admin/snippets/materials/material/add/"
    assert admin_client.get(add_url).status_code == 200
    document = SuitcaseDocumentFactory(title="Basel module")
    cites = PartnerOrganisation.objects.get(acronym="SBC", locale__language_code="en")
    response = admin_client.post(
        add_url,
        {
            "title": "Basel Convention for customs: module 1",
            "summary": "Waste shipments at the border.",
            "material_type": "training_module",
            "topics": ["hazardous_waste", "customs_procedures"],
            "languages": ["en", "fr"],
            "region": "africa",
            "year": "2009",
            "organisation": cites.pk,
            "document": document.pk,
            "link_url": "",
            "video_url": "",
            "status": "approved",
            "decline_reason": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    material = Material.objects.get(title="Basel Convention for customs: module 1")
    assert material.topics == ["hazardous_waste", "customs_procedures"]
    assert material.languages == ["en", "fr"]
    version = material.versions.get()
    assert version.document == document and version.added_by.email.startswith("secretariat")
    # Replacing the file in the admin keeps the history.
    edit = admin_client.get(f"/admin/snippets/materials/material/edit/{material.pk}/")
    assert edit.status_code == 200


def test_the_admin_refuses_a_material_with_both_a_file_and_a_link(admin_client):
    document = SuitcaseDocumentFactory()
    response = admin_client.post(
        "/admin/snippets/materials/material/add/",
        {
            "title": "Both",
            "material_type": "other",
            "document": document.pk,
            "link_url": "https://example.org",
            "status": "approved",
        },
    )
    assert response.status_code == 200
    assert not Material.objects.filter(title="Both").exists()


def test_wagtail_localize_translates_title_and_summary_and_keeps_the_rest():
    from wagtail_localize.models import TranslationSource

    material = MaterialFactory(
        title="Chemical weapons at the border",
        topics=["chemical_weapons"],
        languages=["en"],
    )
    source, _created = TranslationSource.get_or_create_from_instance(material)
    fields = {segment.context.path for segment in source.stringsegment_set.all()}
    assert fields == {"title", "summary"}
    french = Locale.objects.get(language_code="fr")
    translation, _ = source.create_or_update_translation(french, fallback=True)
    assert translation.locale == french
    assert translation.topics == ["chemical_weapons"]
    assert translation.document_id == material.document_id
    assert translation.translation_key == material.translation_key
