"""Canary kinds: one function per kind of restricted thing (see leaks.py).

Each puts its token in the thing's title, text, slug or file, so that a list
of URLs that names it leaks the token too.
"""

import datetime as dt
import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL.PngImagePlugin import PngInfo
from wagtail.actions.create_alias import CreatePageAliasAction
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale

from gci.calendar.demo import partners_collection
from gci.calendar.models import ActionPoint, ActionPointUpdate, EventIndexPage, EventPage
from gci.home.demo.support import minimal_pdf
from gci.home.models import HomePage, PartnersAreaPage, StandardPage

from .leaks import ANONYMOUS, OTHER_ORGANISATION, Planted, canary

LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]


def _area():
    return PartnersAreaPage.objects.get(locale__language_code="en")


def _planning_calendar():
    return EventIndexPage.objects.descendant_of(_area()).get(locale__language_code="en")


def _page(parent, token, title, publish=True):
    page = StandardPage(
        title=title,
        slug=token,
        intro=f"Intro {token}",
        body=[("paragraph", f"<p>Body {token}</p>")],
        show_in_menus=True,
        live=publish,
    )
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page


def _translate(page, titles):
    translations = []
    for code in LANGUAGES[1:]:
        translation = page.copy_for_translation(Locale.objects.get(language_code=code))
        translation.title = titles(code)
        translation.save_revision().publish()
        translations.append(translation)
    return translations


@canary("partners_page")
def partners_page(token, people):
    """A page of the Partners area, translated into every language."""
    page = _page(_area(), token, f"Partners memo {token}")
    pages = [page, *_translate(page, lambda code: f"Partners memo {code} {token}")]
    return Planted(
        urls=[p.url for p in pages],
        strings=[p.title for p in pages] + [f"Body {token}", f"Intro {token}"],
        api={"pages": [p.pk for p in pages]},
    )


@canary("partners_page_alias")
def partners_page_alias(token, people):
    """An alias of a Partners-area page placed under the public home, in the
    main menu: it shows the original's text, so it is as closed as the original."""
    original = _page(_area(), f"alias-source-{token[-6:]}", f"Aliased memo {token}")
    home = HomePage.objects.get(locale__language_code="en")
    alias = CreatePageAliasAction(original, parent=home, update_slug=token).execute(
        skip_permission_checks=True
    )
    return Planted(
        urls=[alias.url, f"/api/v2/pages/find/?html_path={alias.url}"],
        strings=[original.title, f"Body alias-source-{token[-6:]}"],
        api={"pages": [alias.pk]},
    )


@canary("partners_page_translation")
def partners_page_translation(token, people):
    """Only the translations carry the token (the English page does not)."""
    page = _page(_area(), f"note-{token[-6:]}", "Partners note")
    translations = _translate(page, lambda code: f"Note {code} {token}")
    return Planted(
        urls=[t.url for t in translations],
        strings=[t.title for t in translations],
        api={"pages": [t.pk for t in translations]},
    )


@canary("planning_event")
def planning_event(token, people):
    """A Partners-only event of the planning calendar (it has an .ics of its own)."""
    event = EventPage(
        title=f"Closed workshop {token}",
        slug=token,
        summary=f"Summary {token}",
        start_date=dt.date.today() + dt.timedelta(days=20),
        city=f"City {token}",
        country="KE",
    )
    _planning_calendar().add_child(instance=event)
    event.organisers.set([people.owner_organisation])
    event.save_revision().publish()
    return Planted(
        urls=[event.url, event.url + "ics/"],
        strings=[event.title, event.summary, f"City {token}"],
        api={"pages": [event.pk]},
    )


def _meeting():
    return EventPage.objects.descendant_of(_area()).get(
        slug="fifth-partners-meeting-2009", locale__language_code="en"
    )


@canary("action_point")
def action_point(token, people):
    point = ActionPoint.objects.create(
        meeting=_meeting(),
        text=f"Action {token}",
        notes=f"Notes {token}",
        due_date=dt.date.today() + dt.timedelta(days=30),
    )
    point.owners.set([people.owner_organisation])
    return Planted(
        urls=[f"/en/planning/action-points/{point.pk}/"], strings=[point.text, point.notes]
    )


@canary("action_point_update", hidden_from=(ANONYMOUS, OTHER_ORGANISATION))
def action_point_update(token, people):
    """The history of an organisation's own updates to its action point."""
    point = ActionPoint.objects.create(
        meeting=_meeting(), text="Owner's task", due_date=dt.date.today() + dt.timedelta(days=9)
    )
    point.owners.set([people.owner_organisation])
    ActionPointUpdate.objects.create(
        action_point=point,
        user=people.owner,
        old_status="open",
        new_status="in_progress",
        notes=f"Update {token}",
    )
    return Planted(urls=[f"/en/planning/action-points/{point.pk}/"], strings=[f"Update {token}"])


@canary("restricted_document")
def restricted_document(token, people):
    """A document of the Partners' restricted collection: title and file bytes."""
    contents = minimal_pdf(f"Contents {token} file")
    document = Document.objects.create(
        title=f"Paper {token}",
        collection=partners_collection(),
        file=ContentFile(contents, name=f"{token}.pdf"),
    )
    return Planted(
        urls=[document.url, f"/media/{document.file.name}"],
        strings=[document.title],
        contents=[contents],
        api={"documents": [document.pk]},
    )


def _png(token, colour):
    info = PngInfo()
    info.add_text("Comment", f"Pixels {token}")
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), colour).save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


def image_file_urls(image, renditions):
    """Every path that could reach an image's files: their own URLs (the
    checked ones for a restricted image), the /media/ paths of their names,
    and the guessable public paths the same file names would have."""
    urls = [image.file.url, f"/media/{image.file.name}"]
    urls.append("/media/original_images/" + image.file.name.rsplit("/", 1)[-1])
    for rendition in renditions:
        urls += [rendition.url, f"/media/{rendition.file.name}"]
        urls.append("/media/images/" + rendition.file.name.rsplit("/", 1)[-1])
    return list(dict.fromkeys(urls))


def _file_bytes(*objs):
    contents = []
    for obj in objs:
        with obj.file.open("rb") as f:
            contents.append(f.read())
    return contents


@canary("restricted_image")
def restricted_image(token, people):
    """An image of the Partners' restricted collection and two renditions:
    title, original bytes and rendition bytes."""
    contents = _png(token, (12, 120, 60))
    image = Image.objects.create(
        title=f"Photo {token}",
        collection=partners_collection(),
        file=ImageFile(io.BytesIO(contents), name=f"{token}.png"),
    )
    renditions = [image.get_rendition("fill-20x20"), image.get_rendition("width-30")]
    return Planted(
        urls=image_file_urls(image, renditions),
        strings=[image.title],
        contents=[contents, *_file_bytes(*renditions)],
        api={"images": [image.pk]},
    )


@canary("image_moved_into_restricted_collection")
def image_moved_into_restricted_collection(token, people):
    """A public photo with a rendition, then moved into the Partners'
    case-study collection: its old public paths must not answer any more."""
    from wagtail.models import Collection

    from gci.materials.collections import case_study_photos_collection

    contents = _png(token, (200, 40, 10))
    image = Image.objects.create(
        title=f"Moved {token}",
        collection=Collection.get_first_root_node(),
        file=ImageFile(io.BytesIO(contents), name=f"moved{token}.png"),
    )
    public = image.get_rendition("width-30")
    old_urls = [public.url, image.file.url, f"/media/{image.file.name}"]
    old_bytes = _file_bytes(public)
    image.collection = case_study_photos_collection()
    image.save()
    image.refresh_from_db()
    renditions = [image.get_rendition("width-30")]
    return Planted(
        urls=old_urls + image_file_urls(image, renditions),
        strings=[image.title],
        contents=[contents, *old_bytes, *_file_bytes(*renditions)],
        api={"images": [image.pk]},
    )


@canary("proposal", hidden_from=(ANONYMOUS, OTHER_ORGANISATION))
def proposal(token, people):
    """A Partner's proposed training, not yet published: theirs alone."""
    event = EventPage(
        title=f"Proposed training {token}",
        slug=token,
        summary=f"Proposal {token}",
        start_date=dt.date.today() + dt.timedelta(days=40),
        live=False,
        owner=people.owner,
    )
    _planning_calendar().add_child(instance=event)
    event.save_revision(user=people.owner)
    return Planted(
        urls=[event.url or f"/en/partners-area/planning-calendar/{token}/"],
        strings=[event.title, event.summary],
    )


@canary("public_page_draft", hidden_from=(ANONYMOUS, OTHER_ORGANISATION))
def public_page_draft(token, people):
    """A public page's unpublished draft, and a page never published."""
    home = HomePage.objects.get(locale__language_code="en")
    page = _page(home, f"drafted-{token[-6:]}", "Drafted page")
    page.title = f"Draft title {token}"
    page.save_revision()
    never = _page(home, token, f"Unpublished {token}", publish=False)
    never.save_revision()
    return Planted(
        urls=[page.url, f"/en/{token}/"],
        strings=[page.title, never.title],
        api={"pages": [page.pk, never.pk]},
    )
