"""Form fields every app uses. A form a Partner or a visitor can post
chooses among models with ``SafeModelChoiceField`` or
``SafeModelMultipleChoiceField``: a crafted id is an error on the form,
never a server error; a form with a ``file`` to upload takes
``UploadFormMixin`` (gci.site.uploads checks the file)."""

from django import forms
from django.db import connections, models
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .mail import single_line
from .uploads import upload_help_text, validate_upload


class SingleLineField(forms.CharField):
    """A single line of text (a title, a name, a place): newlines, tabs and
    other control characters a browser's one-line input cannot type, but a
    crafted request can, are folded into single spaces, so the text is safe
    wherever one line is expected (an email subject, a feed, a heading)."""

    def to_python(self, value):
        value = super().to_python(value)
        return single_line(value) if value not in self.empty_values else value


class QuickSelect(forms.Select):
    """A ``<select>`` written in Python: Django renders each ``<option>``
    through a template include, which costs a page with a long list (a
    country filter) several milliseconds. The same markup, flat options only."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', widget["name"], flatatt(widget["attrs"]))]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('<optgroup label="{}">', group_name))
            parts.extend(
                format_html(
                    '<option value="{}"{}>{}</option>',
                    option["value"],
                    flatatt(option["attrs"]),
                    option["label"],
                )
                for option in options
            )
            if group_name:
                parts.append(mark_safe("</optgroup>"))  # noqa: S308 - a constant
        parts.append(mark_safe("</select>"))  # noqa: S308 - a constant
        return mark_safe("\n".join(parts))  # noqa: S308 - every part escaped above


def storable_id(model, value, to_field_name=None, using="default"):
    """Whether ``value`` (an instance, or an id as posted) is one the
    database can hold for ``model``: a whole number in the range of its
    integers where the ids are integers (a page's id is its parent link's,
    ``page_ptr``: the integer at the end of the links), anything without a
    NUL otherwise. Asks no query."""
    if isinstance(value, model):
        return True
    meta = model._meta
    field = meta.get_field(to_field_name) if to_field_name else meta.pk
    while field.is_relation:
        field = field.target_field
    if not isinstance(field, models.IntegerField):
        return "\x00" not in str(value)
    low, high = connections[using].ops.integer_field_range(field.get_internal_type())
    try:
        number = int(str(value))
    except ValueError:
        return False
    return (low is None or number >= low) and (high is None or number <= high)


class SafeIdsMixin:
    """Refuses, as an invalid choice, a value that is not an id the database
    can hold: not an integer where the ids are integers, or past the
    database's integers (SQLite raises ``OverflowError`` on 2**70: a server
    error). Checked before any query, with Django's own message."""

    def check_id(self, value):
        if not storable_id(self.queryset.model, value, self.to_field_name, self.queryset.db):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": single_line(value)},
            )


class SafeModelChoiceField(SafeIdsMixin, forms.ModelChoiceField):
    """A ``ModelChoiceField`` whose bad ids are invalid choices (``SafeIdsMixin``)."""

    def to_python(self, value):
        if value not in self.empty_values:
            self.validate_no_null_characters(value)
            self.check_id(value)
        return super().to_python(value)


class SafeModelMultipleChoiceField(SafeIdsMixin, forms.ModelMultipleChoiceField):
    """A ``ModelMultipleChoiceField`` whose bad ids are invalid choices
    (``SafeIdsMixin``)."""

    def _check_values(self, value):
        if isinstance(value, (list, tuple)):
            for pk in value:
                self.validate_no_null_characters(pk)
                self.check_id(pk)
        return super()._check_values(value)


class UploadFormMixin:
    """A form whose ``file`` field takes what the suitcase takes: it says
    which types and size under the field, and refuses anything else with the
    reason (``validate_upload``). Listed before the form's base class."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = upload_help_text()

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            validate_upload(upload)
        return upload
