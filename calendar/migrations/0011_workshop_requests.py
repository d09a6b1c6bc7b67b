"""Workshop requests, their history and the agreed priority criteria; the
Secretariat records and decides them in the admin."""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import django_countries.fields
import gci.site.fields
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models


def grant(apps, schema_editor):
    from gci.home.roles import grant_model_permissions

    for model in ("workshoprequest", "prioritycriterion"):
        grant_model_permissions(
            apps, "Secretariat", "gci_calendar", model, ["add", "change", "delete", "view"]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("gci_calendar", "0010_event_last_day"),
        ("home", "0004_organisation_membership_status"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="PriorityCriterion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("text", models.TextField(verbose_name="criterion")),
                ("sort_order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                (
                    "active",
                    models.BooleanField(
                        default=True,
                        help_text="A criterion no longer in use stays on the requests scored with it.",
                        verbose_name="in use",
                    ),
                ),
            ],
            options={
                "verbose_name": "priority criterion",
                "verbose_name_plural": "priority criteria",
                "ordering": ["sort_order", "pk"],
            },
        ),
        migrations.CreateModel(
            name="WorkshopRequest",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "country",
                    django_countries.fields.CountryField(
                        blank=True,
                        help_text="Empty for a regional request.",
                        max_length=2,
                        verbose_name="country",
                    ),
                ),
                (
                    "region",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("africa", "Africa"),
                            ("asia_pacific", "Asia-Pacific"),
                            ("eastern_europe", "Eastern Europe"),
                            ("latin_america_caribbean", "Latin America and the Caribbean"),
                            ("western_europe_others", "Western Europe and others"),
                            ("global", "Global"),
                        ],
                        max_length=32,
                        verbose_name="UN region",
                    ),
                ),
                (
                    "body_kind",
                    models.CharField(
                        choices=[
                            ("customs", "National customs administration"),
                            ("unep_office", "UNEP regional office"),
                            ("other", "Other"),
                        ],
                        default="customs",
                        max_length=20,
                        verbose_name="requesting body",
                    ),
                ),
                (
                    "body_name",
                    models.CharField(
                        help_text="e.g. the customs administration or the UNEP regional office.",
                        max_length=255,
                        verbose_name="name of the requesting body",
                    ),
                ),
                (
                    "contact_name",
                    models.CharField(blank=True, max_length=200, verbose_name="contact person"),
                ),
                (
                    "contact_email",
                    models.EmailField(blank=True, max_length=254, verbose_name="contact email"),
                ),
                (
                    "topics",
                    gci.site.fields.ChoiceSetField(
                        blank=True,
                        default="",
                        max_length=255,
                        options=[
                            ("basel", "Basel Convention"),
                            ("rotterdam", "Rotterdam Convention"),
                            ("stockholm", "Stockholm Convention"),
                            ("cites", "CITES"),
                            ("montreal", "Montreal Protocol"),
                            ("cartagena", "Cartagena Protocol on Biosafety"),
                            ("cwc", "Chemical Weapons Convention"),
                            ("customs", "Customs cooperation (WCO)"),
                            ("crime", "Organised crime (UNODC)"),
                            ("police", "Police cooperation (INTERPOL)"),
                            ("environment", "Environment (UNEP)"),
                        ],
                        verbose_name="topics (by treaty)",
                    ),
                ),
                (
                    "preferred_from",
                    models.DateField(
                        blank=True,
                        help_text="The first month the requester would like (its first day).",
                        null=True,
                        verbose_name="preferred period, from",
                    ),
                ),
                (
                    "preferred_to",
                    models.DateField(blank=True, null=True, verbose_name="preferred period, to"),
                ),
                (
                    "preferred_period_note",
                    models.CharField(
                        blank=True,
                        help_text="e.g. “after the rainy season”, when no months are given.",
                        max_length=200,
                        verbose_name="preferred period, in words",
                    ),
                ),
                (
                    "languages",
                    gci.site.fields.ChoiceSetField(
                        blank=True,
                        default="",
                        max_length=255,
                        options=[
                            ("en", "English"),
                            ("fr", "French"),
                            ("es", "Spanish"),
                            ("ru", "Russian"),
                            ("ar", "Arabic"),
                            ("zh-hans", "Chinese"),
                            ("pt", "Portuguese"),
                            ("other", "Other language"),
                        ],
                        verbose_name="languages",
                    ),
                ),
                (
                    "officers",
                    models.PositiveIntegerField(
                        blank=True,
                        null=True,
                        validators=[django.core.validators.MaxValueValidator(10000)],
                        verbose_name="number of officers",
                    ),
                ),
                ("notes", models.TextField(blank=True, verbose_name="notes")),
                (
                    "received_on",
                    models.DateField(
                        default=django.utils.timezone.localdate, verbose_name="received"
                    ),
                ),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("received", "Received"),
                            ("under_consideration", "Under consideration"),
                            ("prioritised", "Prioritised"),
                            ("planned", "Planned"),
                            ("declined", "Declined"),
                            ("withdrawn", "Withdrawn"),
                        ],
                        default="received",
                        max_length=20,
                        verbose_name="state",
                    ),
                ),
                (
                    "decline_reason",
                    models.TextField(
                        blank=True,
                        help_text="Required to decline; the requester reads it.",
                        verbose_name="reason for declining",
                    ),
                ),
                (
                    "priority",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="From 0 (lowest) to 10 (highest), against the criteria below.",
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(0),
                            django.core.validators.MaxValueValidator(10),
                        ],
                        verbose_name="priority score",
                    ),
                ),
                (
                    "estimated_cost",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=12,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                        verbose_name="estimated cost",
                    ),
                ),
                (
                    "currency",
                    models.CharField(
                        choices=[("USD", "USD"), ("EUR", "EUR"), ("CHF", "CHF")],
                        default="USD",
                        max_length=3,
                        verbose_name="currency",
                    ),
                ),
                (
                    "funding_source",
                    models.CharField(blank=True, max_length=255, verbose_name="funding source"),
                ),
                (
                    "funding_state",
                    models.CharField(
                        choices=[
                            ("committed", "Committed"),
                            ("expected", "Expected"),
                            ("none", "None yet"),
                        ],
                        default="none",
                        max_length=20,
                        verbose_name="funding",
                    ),
                ),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                (
                    "criteria",
                    models.ManyToManyField(
                        blank=True,
                        related_name="requests",
                        to="gci_calendar.prioritycriterion",
                        verbose_name="criteria met",
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        blank=True,
                        help_text="The workshop event that answers the request (required to plan it).",
                        limit_choices_to={"kind": "workshop", "locale__language_code": "en"},
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="workshop_requests",
                        to="gci_calendar.eventpage",
                        verbose_name="workshop",
                    ),
                ),
                (
                    "lead_organisation",
                    models.ForeignKey(
                        blank=True,
                        limit_choices_to={"locale__language_code": "en"},
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="home.partnerorganisation",
                        verbose_name="lead organisation",
                    ),
                ),
                (
                    "letter",
                    models.ForeignKey(
                        blank=True,
                        help_text="Kept in the Secretariat's restricted collection “Workshop requests”.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtaildocs.document",
                        verbose_name="letter of request",
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        blank=True,
                        help_text="Empty when the Secretariat recorded the request itself.",
                        limit_choices_to={"locale__language_code": "en"},
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="workshop_requests",
                        to="home.partnerorganisation",
                        verbose_name="sent by (Partner organisation)",
                    ),
                ),
                (
                    "sent_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="sent by",
                    ),
                ),
            ],
            options={
                "verbose_name": "workshop request",
                "verbose_name_plural": "workshop requests",
                "ordering": ["-received_on", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="WorkshopRequestChange",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "old_state",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("received", "Received"),
                            ("under_consideration", "Under consideration"),
                            ("prioritised", "Prioritised"),
                            ("planned", "Planned"),
                            ("declined", "Declined"),
                            ("withdrawn", "Withdrawn"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "new_state",
                    models.CharField(
                        choices=[
                            ("received", "Received"),
                            ("under_consideration", "Under consideration"),
                            ("prioritised", "Prioritised"),
                            ("planned", "Planned"),
                            ("declined", "Declined"),
                            ("withdrawn", "Withdrawn"),
                        ],
                        max_length=20,
                    ),
                ),
                ("note", models.TextField(blank=True)),
                (
                    "organisation",
                    models.ForeignKey(
                        blank=True,
                        help_text="The organisation the person acted for, at the time.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="home.partnerorganisation",
                    ),
                ),
                (
                    "request",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="changes",
                        to="gci_calendar.workshoprequest",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["at", "pk"],
            },
        ),
        migrations.AddIndex(
            model_name="workshoprequest",
            index=models.Index(
                fields=["organisation", "-received_on"], name="gci_calenda_organis_a690b9_idx"
            ),
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
