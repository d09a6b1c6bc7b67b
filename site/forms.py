"""Form fields every app uses."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .mail import single_line


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


class IdsMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A ``ModelMultipleChoiceField`` that refuses an id past the database's
    integers as an invalid choice (SQLite raises ``OverflowError`` on it: a
    server error), with Django's own message."""

    LIMIT = 2**63 - 1

    def _check_values(self, value):
        for pk in value:
            try:
                number = int(str(pk))
            except ValueError:
                continue  # Django's own check names it
            if abs(number) > self.LIMIT:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)
