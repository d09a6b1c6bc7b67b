"""The admin's forms refuse a crafted id as an error on the form, never a
server error (tests/security/test_admin_form_ids.py).

Wagtail builds each admin form (a snippet's, a ModelViewSet's, a page's,
their inline panels') from the model's fields through one registry of
form-field overrides: every foreign key and many-to-many field it builds
becomes ``SafeModelChoiceField`` / ``SafeModelMultipleChoiceField`` there,
whatever chooser widget the registry gives it. And a chooser (page,
document, image, snippet) that draws a form posted back with an id that is
not one draws an empty choice: it looked the value up unchecked (a
``ValueError`` on a word; ``OverflowError`` past SQLite's integers). So
did an inline panel's form (modelcluster's formsets) posted with an id
that is not one: it is taken as a new row, whose id field then refuses
the value, as Django's own formsets do."""

from django import forms
from django.db import models
from modelcluster.forms import BaseTransientModelFormSet
from wagtail.admin.forms.models import register_form_field_override, registry
from wagtail.admin.widgets.chooser import BaseChooser

from .forms import SafeModelChoiceField, SafeModelMultipleChoiceField, storable_id


def install():
    """Called once, from the site app's ``ready()``."""
    chosen_by = registry.foreign_key_lookup  # the widget for the related model

    def foreign_key(db_field):
        return {**(chosen_by(db_field) or {}), "form_class": SafeModelChoiceField}

    registry.values_by_class[models.ForeignKey] = foreign_key
    register_form_field_override(
        models.ManyToManyField, override={"form_class": SafeModelMultipleChoiceField}
    )

    get_instance = BaseChooser.get_instance

    def checked_get_instance(self, value):
        if value is not None and not storable_id(self.model_class, value):
            return None
        return get_instance(self, value)

    BaseChooser.get_instance = checked_get_instance

    construct_form = BaseTransientModelFormSet._construct_form

    def checked_construct_form(self, i, **kwargs):
        if self.is_bound and i < self.initial_form_count():
            pk = self.data.get(f"{self.add_prefix(i)}-{self.model._meta.pk.name}")
            if pk is None or (pk != "" and not storable_id(self.model, pk)):
                kwargs.setdefault("instance", self.model())
                return forms.BaseFormSet._construct_form(self, i, **kwargs)
        return construct_form(self, i, **kwargs)

    BaseTransientModelFormSet._construct_form = checked_construct_form
