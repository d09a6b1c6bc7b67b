"""Put every image's files on the side its collection says (gci.site.private_images).

Run once after upgrading to a release that keeps restricted images' files
under MEDIA_ROOT/private/, and after moving a collection in the tree.
Idempotent.
"""

from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from gci.site.private_images import resettle


class Command(BaseCommand):
    help = "Move the files of images in restricted collections out of the public folders."

    def handle(self, *args, **options):
        images = get_image_model().objects.select_related("collection")
        resettle(images.iterator())
        self.stdout.write(f"{images.count()} images checked.")
