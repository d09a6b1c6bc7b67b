"""The partnership: its organisations, members and the site's general pages."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from gci.site.fields import ChoiceSetField
from gci.site.memo import active_locale, default_locale, memoised

from .choices import Language, MembershipStatus, Treaty, UNRegion
from .mixins import HeroImageMixin, IntroBodyMixin
from .network.choices import SharedDetail
from .visibility import visible_pages


class PartnerOrganisation(TranslatableMixin, index.Indexed, models.Model):
    """An organisation of the partnership: a treaty secretariat or an agency.

    Translatable: each language has its own row with the same
    ``translation_key``; memberships point at the default-language row.
    """

    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=40)
    mandate = models.CharField(
        _("mandate or treaty"),
        max_length=255,
        blank=True,
        help_text=_("The treaty or mandate the organisation serves, e.g. 'Basel Convention'."),
    )
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link"])
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=100, help_text=_("Lower numbers are listed first.")
    )
    membership_status = models.CharField(
        _("membership"),
        max_length=10,
        choices=MembershipStatus,
        default=MembershipStatus.PARTNER,
        help_text=_("A Partner, an organisation invited to consider joining, or an observer."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("acronym"), FieldPanel("mandate")],
            heading=_("Identity"),
        ),
        FieldPanel("membership_status"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("sort_order"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("acronym"),
        index.SearchField("mandate"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Partner organisation")
        verbose_name_plural = _("Partner organisations")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @classmethod
    def in_default_locale(cls):
        """Every organisation, in the default language (memoised: see gci.site.memo)."""
        return memoised(
            "organisations",
            lambda: list(
                cls.objects.filter(locale=default_locale())
                .select_related("logo")
                .prefetch_related("logo__renditions")
            ),
        )

    @classmethod
    def for_active_locale(cls):
        """Every organisation once, in the active language where translated."""
        default = cls.in_default_locale()
        active = active_locale()
        if active.pk == default_locale().pk:
            return default

        def translate():
            translated = {
                org.translation_key: org
                for org in cls.objects.filter(locale=active)
                .select_related("logo")
                .prefetch_related("logo__renditions")
            }
            return [translated.get(org.translation_key, org) for org in default]

        return memoised(("organisations", active.pk), translate)

    @classmethod
    def active_names(cls):
        """``{translation_key: name in the active language}`` of every organisation."""
        return {org.translation_key: org.name for org in cls.for_active_locale()}

    @classmethod
    def by_acronym(cls, pks):
        """``{acronym: (organisation, name in the active language)}`` of the
        organisations (in the default language) whose pk is in ``pks``."""
        names = cls.active_names()
        return {
            org.acronym: (org, names.get(org.translation_key, org.name))
            for org in cls.in_default_locale()
            if org.pk in pks
        }


class Membership(models.Model):
    """Ties a user to the one Partner organisation they work for."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="membership",
    )
    organisation = models.ForeignKey(
        PartnerOrganisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.user} – {self.organisation}"

    def save(self, *args, **kwargs):
        # Always point at the default-language row, whatever was chosen.
        if self.organisation_id and self.organisation.locale_id != default_locale().pk:
            self.organisation = self.organisation.get_translation(default_locale())
        super().save(*args, **kwargs)


class HomePage(HeroImageMixin, IntroBodyMixin, Page):
    """The root of each language's tree."""

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    content_panels = [
        *Page.content_panels,
        *HeroImageMixin.hero_panels,
        *IntroBodyMixin.intro_panels,
    ]
    api_fields = [*IntroBodyMixin.api_fields, *HeroImageMixin.api_fields]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from .home_sections import home_sections

        context = super().get_context(request, *args, **kwargs)
        context["organisations"] = PartnerOrganisation.for_active_locale()
        context.update(home_sections(request))
        return context


class StandardPage(HeroImageMixin, IntroBodyMixin, Page):
    """A page of text and media: about the initiative, how it works, …"""

    parent_page_types = ["home.HomePage", "home.StandardPage", "home.PartnersAreaPage"]
    subpage_types = ["home.StandardPage"]

    content_panels = [
        *Page.content_panels,
        *HeroImageMixin.hero_panels,
        *IntroBodyMixin.intro_panels,
    ]
    api_fields = [*IntroBodyMixin.api_fields, *HeroImageMixin.api_fields]

    class Meta:
        verbose_name = _("standard page")


class PartnerIndexPage(HeroImageMixin, IntroBodyMixin, Page):
    """Lists the Partner organisations of the initiative."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = [
        *Page.content_panels,
        *HeroImageMixin.hero_panels,
        *IntroBodyMixin.intro_panels,
    ]
    api_fields = [
        *IntroBodyMixin.api_fields,
        *HeroImageMixin.api_fields,
        APIField("organisations"),
    ]

    class Meta:
        verbose_name = _("Partners list page")

    @cached_property
    def organisations(self):
        return [
            {
                "name": org.name,
                "acronym": org.acronym,
                "mandate": org.mandate,
                "website": org.website,
            }
            for org in PartnerOrganisation.objects.filter(locale=self.locale)
        ] or [
            {
                "name": org.name,
                "acronym": org.acronym,
                "mandate": org.mandate,
                "website": org.website,
            }
            for org in PartnerOrganisation.objects.filter(locale=default_locale())
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["organisation_list"] = PartnerOrganisation.for_active_locale()
        return context


class PartnersAreaPage(IntroBodyMixin, Page):
    """The root of the restricted Partners area; its page is the dashboard.

    A view restriction to the `Partners` and `Secretariat` groups is set on
    this page (by `load_demo`, or by the Secretariat in the admin) and covers
    the whole subtree, in every language.
    """

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "home.StandardPage",
        "home.NewsIndexPage",
        "gci_calendar.EventIndexPage",
        "materials.ReviewIndexPage",
        "materials.SuitcasePage",
        "home.MidYearSummaryPage",
        "home.MeetingReportPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Partners area")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        membership = getattr(request.user, "membership", None)
        organisation = None
        if membership is not None:
            organisation = next(
                (
                    org
                    for org in PartnerOrganisation.for_active_locale()
                    if org.translation_key == membership.organisation.translation_key
                ),
                membership.organisation,
            )
        context["organisation"] = organisation
        context["area_pages"] = visible_pages(request, self.get_children())
        # Features add their panels through the `gci_dashboard_panels` hook:
        # a function (request, organisation) -> a dict with a `template` key
        # (and what that template needs), or None.
        # A panel may add tasks (dicts with a `deadline`) to the "Your tasks"
        # column, and says in which column it goes (`column`: "main" or the
        # side, the default); a panel whose `template` is None only adds tasks.
        panels = [
            panel
            for build in hooks.get_hooks("gci_dashboard_panels")
            if (panel := build(request, membership.organisation if membership else None))
            is not None
        ]
        context["dashboard_panels"] = panels
        context["tasks"] = ranked_tasks(panels)
        context["main_panels"] = [
            p for p in panels if p.get("template") and p.get("column") == "main"
        ]
        context["side_panels"] = [
            p for p in panels if p.get("template") and p.get("column") != "main"
        ]
        return context


def ranked_tasks(panels, today=None):
    """Every panel's tasks by deadline: those still in time first (the
    nearest first), then the overdue ones; each with its days left."""
    today = today or timezone.localdate()
    tasks = [dict(task) for panel in panels for task in panel.get("tasks", ())]
    for task in tasks:
        days = (task["deadline"] - today).days
        task["overdue"] = days < 0
        if days == 0:
            task["days_label"] = _("due today")
        elif days > 0:
            task["days_label"] = ngettext("%(days)s day left", "%(days)s days left", days) % {
                "days": days
            }
        else:
            task["days_label"] = ngettext(
                "%(days)s day overdue", "%(days)s days overdue", -days
            ) % {"days": -days}
    return sorted(tasks, key=lambda t: (t["overdue"], t["deadline"], t.get("rank", 0)))


# News and announcements: in their own module, imported here so that Django
# finds their models with the app's.
from .news import NewsIndexPage, NewsPage, NewsPageEvent  # noqa: E402, F401
from .reporting.models import ActivityReport, MeetingReportPage, MidYearSummaryPage  # noqa: E402, F401, I001


class ResourcePerson(models.Model):
    """A person of the network an organisation can call on as a trainer or an
    expert (suggested in a workshop consultation, or recorded by the
    Secretariat). Read by the Partners and the Secretariat only: never on a
    public page, in the search or in the API."""

    organisation = models.ForeignKey(
        PartnerOrganisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="resource_persons",
        limit_choices_to={"locale__language_code": "en"},
    )
    name = models.CharField(_("name"), max_length=200)
    expertise = models.TextField(
        _("expertise"), help_text=_("What the person can teach or advise on.")
    )
    languages = ChoiceSetField(_("languages"), options=Language.choices)
    email = models.EmailField(_("email"), blank=True)
    region = models.CharField(_("UN region"), max_length=30, choices=UNRegion.choices, blank=True)
    treaties = ChoiceSetField(
        _("topics (treaties)"), options=Treaty.choices, help_text=_("The treaties they train on.")
    )
    workshops = models.ManyToManyField(
        "gci_calendar.EventPage",
        verbose_name=_("workshops given"),
        blank=True,
        related_name="+",
        limit_choices_to={"locale__language_code": "en", "kind__in": ["workshop", "training"]},
        help_text=_("The workshops and training courses of the calendar they trained at."),
    )
    shared = ChoiceSetField(
        _("shared with the Partners"),
        options=SharedDetail.choices,
        help_text=_(
            "What the person agreed to share with every Partner organisation in the roster. "
            "Nothing ticked: the person is not in the roster (the Secretariat and their own "
            "organisation's consultations still see them)."
        ),
    )
    consent_note = models.TextField(
        _("consent"),
        blank=True,
        help_text=_("How the person agreed to be listed (e.g. by email to the organisation)."),
    )
    consented_on = models.DateField(_("consented on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("added"), default=timezone.now, editable=False)

    panels = [
        FieldPanel("organisation"),
        FieldPanel("name"),
        FieldPanel("expertise"),
        FieldPanel("languages"),
        FieldPanel("email"),
        FieldPanel("region"),
        FieldPanel("treaties"),
        FieldPanel("workshops"),
        MultiFieldPanel(
            [FieldPanel("shared"), FieldPanel("consent_note"), FieldPanel("consented_on")],
            heading=_("Consent"),
        ),
    ]

    class Meta:
        verbose_name = _("resource person")
        verbose_name_plural = _("resource persons")
        ordering = ["name", "pk"]

    def __str__(self):
        return f"{self.name} ({self.organisation.acronym or self.organisation.name})"

    def language_labels(self):
        return type(self)._meta.get_field("languages").labels(self.languages)

    def treaty_labels(self):
        return type(self)._meta.get_field("treaties").labels(self.treaties)

    def shared_labels(self):
        return type(self)._meta.get_field("shared").labels(self.shared)

    def shares(self, detail):
        """Whether the person agreed to share ``detail`` (a SharedDetail)."""
        return SharedDetail.NAME in self.shared and detail in self.shared

    def clean(self):
        super().clean()
        if self.shared and SharedDetail.NAME not in self.shared:
            raise ValidationError(
                {"shared": _("Their name and organisation come first: tick them too, or nothing.")}
            )
        if self.shared and not self.consented_on:
            raise ValidationError(
                {"consented_on": _("Say when the person agreed to share these details.")}
            )


# Capabilities in their own subpackages: circulation to Partners
# (gci.home.circulation), in-kind contributions and funding
# (gci.home.contributions), training institutions and the resource persons'
# roster (gci.home.network).
from .circulation.models import (  # noqa: E402, F401
    Circulation,
    CirculationDelivery,
    CirculationMailLog,
    CirculationPreference,
)
from .contributions.models import (  # noqa: E402, F401
    ContributionYear,
    Donor,
    ExchangeRate,
    FundingCommitment,
    InKindContribution,
    Spending,
    StandardRate,
)
from .network.models import InstitutionIndexPage, TrainingInstitution  # noqa: E402, F401
