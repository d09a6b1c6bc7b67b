"""The e-learning and training catalogue: courses of the Partners (WCO's
e-learning, the CITES virtual college, UNODC's computer-based training…) and
the public page that lists them.

A course is a translatable snippet, like a suitcase material: one row of
plain columns (status, provider, and the treaties and languages as one
``|a|b|`` column each), so the catalogue's filters are one query on one
table whatever the number of courses; the filters run on the
default-language rows and the page swaps in the visitor's language for the
rows it shows.

What a provider restricts (an enrolment procedure for officers, whom to ask
for a key) is in ``access_details``, shown only to signed-in Partners and
the Secretariat: the catalogue page then answers ``private, no-store`` and
is never stored in the anonymous page cache (which stores only what an
anonymous visitor was shown). It is in no search index and no API field. A
password is never stored at all: text that looks like one is refused.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from gci.home.choices import Language, Treaty
from gci.home.http import PrivateForPartnersMixin
from gci.home.models import IntroBodyMixin
from gci.site.fields import ChoiceSetField
from gci.site.memo import active_locale, default_locale, live_page_for_language
from gci.site.routes import KnownQueryMixin, PageViews

from ..choices import CourseStatus, LengthUnit

# "password: …", "mot de passe : …", "пароль — …": a label for a password
# followed by a value. The word alone ("ask WCO for a password") is fine.
PASSWORD_WORDS = (
    r"pass\s*words?",
    r"passwd",
    r"pwd",
    r"pass\s*code",
    r"mots?\s+de\s+passe",
    r"contrase[ñn]as?",
    r"senhas?",
    r"парол[ьи]",
    r"كلمة\s+(?:المرور|السر)",
    r"密码",
    r"口令",
)
PASSWORD_FIELD = re.compile(
    r"(?:" + "|".join(PASSWORD_WORDS) + r")\s*(?:[:=：]|\s[-–—]\s?)\s*\S", re.IGNORECASE
)
PASSWORD_CHECKED_FIELDS = ("description", "access", "access_details")
# The chapter's block shows this many courses, then links to the catalogue.
CHAPTER_COURSES = 6


def looks_like_a_password(text):
    return bool(PASSWORD_FIELD.search(text or ""))


class CourseQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def sources(self):
        """One row per course: the default language's."""
        return self.filter(locale_id=default_locale().pk)

    def available(self):
        return self.filter(status=CourseStatus.AVAILABLE)

    def on_treaties(self, treaties):
        """Courses on any of ``treaties``."""
        condition = Q()
        for treaty in treaties:
            condition |= Q(treaties__contains=ChoiceSetField.needle(treaty))
        return self.filter(condition) if condition else self.none()


class Course(TranslatableMixin, index.Indexed, models.Model):
    """An e-learning or training course a Partner offers customs officers."""

    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(
        _("description"), blank=True, help_text=_("What the course covers, in two or three lines.")
    )
    provider = models.ForeignKey(
        "home.PartnerOrganisation",
        verbose_name=_("provider"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="courses",
        help_text=_("The Partner organisation that offers the course."),
    )
    provider_name = models.CharField(
        _("other provider"),
        max_length=255,
        blank=True,
        help_text=_("Or the name of a provider that is not a Partner organisation."),
    )
    treaties = ChoiceSetField(_("treaties"), options=Treaty.choices)
    languages = ChoiceSetField(
        _("languages"),
        options=Language.choices,
        help_text=_("The languages the course is given in."),
    )
    audience = models.CharField(
        _("audience"),
        max_length=255,
        blank=True,
        help_text=_("Who the course is for, e.g. 'Customs officers at the border'."),
    )
    length = models.DecimalField(_("length"), max_digits=6, decimal_places=1, null=True, blank=True)
    length_unit = models.CharField(
        _("unit of length"), max_length=10, choices=LengthUnit.choices, default=LengthUnit.HOURS
    )
    access = models.TextField(
        _("how to get access"),
        blank=True,
        help_text=_("Public: who may enrol and how, as anyone may read it."),
    )
    access_details = models.TextField(
        _("access details for Partners"),
        blank=True,
        help_text=_(
            "Shown only to signed-in Partners and the Secretariat: the restricted part of the "
            "procedure (whom to ask for an enrolment key, the officers' registration page). "
            "Never a password."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CourseStatus.choices,
        default=CourseStatus.AVAILABLE,
        db_index=True,
    )
    link_url = models.URLField(_("link"), blank=True, help_text=_("The course's own page."))
    created_at = models.DateTimeField(_("added"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CourseQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("provider"), FieldPanel("provider_name")], heading=_("Provider")
        ),
        MultiFieldPanel(
            [
                FieldPanel("treaties"),
                FieldPanel("languages"),
                FieldPanel("audience"),
                FieldRowPanel([FieldPanel("length"), FieldPanel("length_unit")]),
            ],
            heading=_("Description"),
        ),
        MultiFieldPanel(
            [FieldPanel("access"), FieldPanel("access_details"), FieldPanel("link_url")],
            heading=_("Access"),
        ),
        FieldPanel("status"),
    ]

    # Never access_details: the site's search and the admin's must not find it.
    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.FilterField("locale"),
        index.FilterField("status"),
    ]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("description"),
        TranslatableField("audience"),
        TranslatableField("access"),
        TranslatableField("access_details"),
        SynchronizedField("provider"),
        SynchronizedField("provider_name"),
        SynchronizedField("treaties"),
        SynchronizedField("languages"),
        SynchronizedField("length"),
        SynchronizedField("length_unit"),
        SynchronizedField("status"),
        SynchronizedField("link_url"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["title"]
        indexes = [
            models.Index(fields=["locale", "status", "title"], name="course_listing"),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if bool(self.provider_id) == bool(self.provider_name.strip()):
            errors["provider"] = _(
                "Choose the Partner organisation that offers the course, or type the name of "
                "another provider (not both)."
            )
        for name in PASSWORD_CHECKED_FIELDS:
            if looks_like_a_password(getattr(self, name)):
                errors[name] = _(
                    "This looks like a password. Never store passwords here: say how a Partner "
                    "obtains access (whom to ask, which page to register on) instead."
                )
        if errors:
            raise ValidationError(errors)

    @property
    def is_source(self):
        return self.locale_id == default_locale().pk

    def language_labels(self):
        return self._meta.get_field("languages").labels(self.languages)

    def treaty_labels(self):
        return self._meta.get_field("treaties").labels(self.treaties)

    @property
    def length_label(self):
        return LengthUnit(self.length_unit).label if self.length_unit else ""

    @property
    def length_display(self):
        """``12`` rather than ``12.0``."""
        if self.length is None:
            return ""
        return f"{self.length.normalize():f}"


def localized_courses(courses):
    """(source, shown) pairs: each default-language course and its row in the
    active language where translated (one query for the lot)."""
    active = active_locale()
    translations = {}
    if courses and active.pk != default_locale().pk:
        translations = {
            course.translation_key: course
            for course in Course.objects.filter(
                locale=active, translation_key__in=[c.translation_key for c in courses]
            ).only(
                "translation_key", "title", "description", "audience", "access", "access_details"
            )
        }
    return [(course, translations.get(course.translation_key, course)) for course in courses]


def courses_on_treaties(treaties, limit=CHAPTER_COURSES):
    """Available courses on any of ``treaties``, in the visitor's language:
    one query (two outside English), whatever the number of courses."""
    if not treaties:
        return []
    courses = list(
        Course.objects.sources()
        .available()
        .on_treaties(treaties)
        .select_related("provider")
        .order_by("title", "pk")[:limit]
    )
    return localized_courses(courses)


class CourseCatalogPage(PrivateForPartnersMixin, KnownQueryMixin, IntroBodyMixin, Page):
    """The public e-learning and training catalogue: every course, filtered
    by treaty, language, provider and status."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    views = PageViews()  # filled by gci.materials.views.courses (see gci.site.routes)

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.views.catalogue(request, self))
        return context

    @classmethod
    def for_active_locale(cls):
        return live_page_for_language(cls)
