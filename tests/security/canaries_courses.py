"""Canaries of the e-learning catalogue: a course's access details, which
only signed-in Partners and the Secretariat may read."""

from wagtail.models import Locale

from gci.materials.models import Course

from .leaks import ANONYMOUS, Planted, canary


@canary("course_access_details", hidden_from=(ANONYMOUS,))
def course_access_details(token, people):
    """An available CITES course whose provider restricts how to enrol."""
    details = f"Enrolment desk {token}: ask for a guest account"
    Course.objects.create(
        locale=Locale.get_default(),
        title=f"Public course {token[-6:]}",
        provider=people.owner_organisation,
        treaties=["cites"],
        languages=["en"],
        status="available",
        access_details=details,
        link_url="https://example.org/course",
    )
    return Planted(
        urls=[f"/{language}/courses/" for language in ("en", "fr", "ar")]
        + ["/en/courses/?treaty=cites"],
        strings=[details],
    )
