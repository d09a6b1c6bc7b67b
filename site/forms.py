"""Form fields every app uses."""

from django import forms

from .mail import single_line


class SingleLineField(forms.CharField):
    """A single line of text (a title, a name, a place): newlines, tabs and
    other control characters a browser's one-line input cannot type, but a
    crafted request can, are folded into single spaces, so the text is safe
    wherever one line is expected (an email subject, a feed, a heading)."""

    def to_python(self, value):
        value = super().to_python(value)
        return single_line(value) if value not in self.empty_values else value
