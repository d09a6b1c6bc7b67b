"""Images of restricted collections: where their files live and who reaches them.

The web server serves ``MEDIA_ROOT/images/`` (public renditions) straight
from disk, fast and cached for a month; it cannot know an image's collection.
So the files of an image in a restricted collection never live there: its
original and its renditions are kept under ``MEDIA_ROOT/private/``
(``private/original_images/…``, ``private/images/…``), whose URLs
(``/media/private/…``, Wagtail's own ``image.file.url`` and ``rendition.url``)
lead to ``serve_private_image``. That view checks the collection's view
restrictions on every request and answers with ``X-Accel-Redirect`` to
nginx's internal location (nginx still sends the bytes) or, without nginx,
streams the file itself; never cacheable by anyone but the browser's memory.

Files are put in place when they are written (an upload into a restricted
collection, a rendition of a restricted image: no moment at a public path)
and moved when an image changes sides: its collection changes (one image or
the admin's bulk action), or a collection gains or loses its restriction.
Renditions on the wrong side are deleted (Wagtail makes them again on the next
request, on the right side); originals are moved. ``manage.py
secure_image_files`` does the same for every image (after an upgrade, or a
collection moved in the tree).
"""

import mimetypes
import posixpath
from urllib.parse import quote, unquote

from django.conf import settings
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpResponse

from gci.home.http import private_response
from gci.home.visibility import collection_is_restricted, collection_visible_to
from gci.site.page_cache import PAGES, purge

PRIVATE = "private"


def is_private_name(name):
    return name.startswith(f"{PRIVATE}/")


def normalised_media_path(path):
    """The path under MEDIA_ROOT that ``path`` names, whatever its spelling
    (``//``, ``/./``, ``x/../``, ``%2e%2e``, backslashes), or None when it is
    empty or would climb out of the folder."""
    path = unquote(path).replace("\\", "/")
    if "\x00" in path:
        return None
    path = posixpath.normpath("/" + path).lstrip("/")
    if not path or path == "." or path.startswith("../"):
        return None
    return path


def image_of_file(name):
    """The image whose original or rendition is the file ``name`` (a path
    under MEDIA_ROOT), or None."""
    from wagtail.images import get_image_model

    Image = get_image_model()
    Rendition = Image.get_rendition_model()
    image = Image.objects.filter(file=name).select_related("collection").first()
    if image is None:
        rendition = Rendition.objects.filter(file=name).select_related("image__collection")
        rendition = rendition.first()
        image = rendition.image if rendition else None
    return image


# Serving


def serve_private_image(request, path):
    """``/media/private/<path>``: a file of an image in a restricted collection,
    for those the collection's restrictions accept; a 404 for everyone else
    (it does not even say that the file exists)."""
    name = normalised_media_path(path)
    if name is None:
        raise Http404
    name = f"{PRIVATE}/{name}"
    image = image_of_file(name)
    if image is None or not collection_visible_to(image.collection, request):
        raise Http404
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    prefix = settings.GCI_MEDIA_ACCEL_REDIRECT_PREFIX
    if prefix:
        # nginx sends the file from its internal location (MEDIA_ROOT/private/).
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix + quote(name[len(PRIVATE) + 1 :])
    else:
        storage = image.file.storage
        try:
            response = FileResponse(storage.open(name), content_type=content_type)
        except FileNotFoundError as exc:
            raise Http404 from exc
    private_response(response)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


# Placing new files


def _uncommitted(instance):
    raw = instance.__dict__.get("file")
    if raw is None or isinstance(raw, str):
        return False
    return not (isinstance(raw, FieldFile) and raw._committed)


def _save_private(instance, folder):
    file = instance.file
    storage = file.storage
    base = storage.get_valid_name(posixpath.basename(file.name))
    saved = storage.save(f"{PRIVATE}/{folder}/{base}", file.file, max_length=file.field.max_length)
    instance.file = saved


def place_new_rendition(sender, instance, **kwargs):
    """post_init of a rendition: Wagtail builds it with its file in memory
    (``get_rendition`` and ``get_renditions`` alike); a restricted image's
    rendition is written under private/ at once."""
    if not _uncommitted(instance) or instance.image_id is None:
        return
    if collection_is_restricted(instance.image.collection):
        _save_private(instance, "images")


def place_new_original(sender, instance, raw=False, **kwargs):
    """pre_save of an image: an upload into a restricted collection is written
    under private/ (before Django would write it to original_images/)."""
    if raw or not instance.file or not _uncommitted(instance):
        return
    if instance.collection_id and collection_is_restricted(instance.collection):
        _save_private(instance, "original_images")


# Moving files when an image changes sides


def _move(storage, name, target):
    with storage.open(name, "rb") as source:
        new_name = storage.save(target, source)
    # The old file goes once the new name is committed (a rollback keeps it).
    transaction.on_commit(lambda: storage.delete(name))
    return new_name


def resettle(images):
    """Put each image's files on the side its collection says."""
    for image in images:
        restricted = collection_is_restricted(image.collection)
        name = image.file.name
        if name and is_private_name(name) != restricted:
            target = f"{PRIVATE}/{name}" if restricted else name[len(PRIVATE) + 1 :]
            new_name = _move(image.file.storage, name, target)
            type(image).objects.filter(pk=image.pk).update(file=new_name)
            image.file.name = new_name
        for rendition in image.renditions.all():
            if is_private_name(rendition.file.name) != restricted:
                # Gone from its old path now, not when a task gets to it.
                rendition.file.storage.delete(rendition.file.name)
                rendition.delete()


def _images_in(collection):
    from wagtail.images import get_image_model

    return (
        get_image_model()
        .objects.filter(collection__path__startswith=collection.path)
        .select_related("collection")
    )


def on_image_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and not {"collection", "file"} & set(update_fields)):
        return
    resettle([instance])


def on_restriction_changed(sender, instance, **kwargs):
    from wagtail.models import Collection

    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if collection is not None:  # not when the collection itself is being deleted
        resettle(_images_in(collection))


def after_bulk_action(request, action_type, objects, action_class_instance):
    """The admin's "Add to collection" updates images with a queryset."""
    from wagtail.images import get_image_model

    Image = get_image_model()
    pks = [obj.pk for obj in objects if isinstance(obj, Image)]
    if pks:
        resettle(Image.objects.filter(pk__in=pks).select_related("collection"))


def connect_signals():
    from django.db.models.signals import post_delete, post_init, post_save, pre_save
    from wagtail.images import get_image_model
    from wagtail.models import CollectionViewRestriction

    Image = get_image_model()
    Rendition = Image.get_rendition_model()
    post_init.connect(place_new_rendition, sender=Rendition, dispatch_uid="gci-private-rendition")
    pre_save.connect(place_new_original, sender=Image, dispatch_uid="gci-private-original")
    post_save.connect(on_image_saved, sender=Image, dispatch_uid="gci-private-image-saved")
    for signal in (post_save, post_delete):
        signal.connect(
            on_restriction_changed,
            sender=CollectionViewRestriction,
            dispatch_uid=f"gci-private-restriction-{signal is post_save}",
        )


def collection_edit_view():
    """Wagtail's "edit collection" view, which also moves the collection (and
    its children) in the tree with no signal: afterwards its images are put
    on the side their new place says (a public collection moved under a
    restricted one takes its files out of ``/media/images/`` at once), and
    cached pages and memos forget where it stood.
    Routed at Wagtail's own address in ``gci.site.urls``."""
    from wagtail.admin.views.collections import Edit

    class CollectionEdit(Edit):
        def save_instance(self):
            instance = super().save_instance()
            resettle(_images_in(instance))
            # The form saved (and purged) before the move: what was cached
            # in between still has the collection in its old place.
            purge(PAGES)
            return instance

    return CollectionEdit.as_view()
