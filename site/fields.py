"""A model field holding several choices in one column.

Stored as ``|a|b|`` so that ``field__contains="|a|"`` filters on any
database (SQLite has no array type and no JSON containment lookup), with
no join: the suitcase's filters stay one query at 5,000 materials.
"""

from django import forms
from django.db import models


class ChoiceSetField(models.CharField):
    def __init__(self, *args, options=(), **kwargs):
        self.options = list(options)
        kwargs.setdefault("max_length", 255)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["options"] = self.options
        return name, path, args, kwargs

    @staticmethod
    def needle(value):
        """The string to look for with `__contains` to find one choice."""
        return f"|{value}|"

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, list | tuple | set):
            return [str(v) for v in value if v]
        return [part for part in str(value).split("|") if part]

    def get_prep_value(self, value):
        if isinstance(value, str):  # already stored form, or a lookup value
            return value
        values = [str(v) for v in (value or []) if v]
        return f"|{'|'.join(values)}|" if values else ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        valid = {str(key) for key, _label in self.options}
        invalid = [v for v in value or [] if v not in valid]
        if invalid:
            from django.core.exceptions import ValidationError

            raise ValidationError(f"Unknown choices: {', '.join(invalid)}")
        if not self.blank and not value:
            from django.core.exceptions import ValidationError

            raise ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.MultipleChoiceField,
            "choices": self.options,
            "widget": forms.CheckboxSelectMultiple,
            "required": not self.blank,
            "label": self.verbose_name,
            "help_text": self.help_text,
        }
        defaults.update(kwargs)
        form_class = defaults.pop("form_class")
        for key in ("max_length", "empty_value", "choices_form_class", "coerce"):
            defaults.pop(key, None)
        return form_class(**defaults)

    def labels(self, values):
        names = dict(self.options)
        return [names.get(v, v) for v in values]
