"""Forms of the review: the Partners' answer and their comments."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..review import ACTIONS


class AnswerForm(forms.Form):
    """Approve, request changes or decline — confirmed, and tied to the
    version of the assignment the person was looking at."""

    action = forms.ChoiceField(
        label=_("Your organisation's answer"),
        widget=forms.RadioSelect,
        choices=[
            ("approve", _("Approve the translation")),
            ("request_changes", _("Request changes")),
            ("decline", _("Decline to review")),
        ],
    )
    reason = forms.CharField(
        label=_("Changes requested, or why you decline"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4, "aria-describedby": "reason-help"}),
        help_text=_("Required when you request changes; optional when you decline."),
    )
    confirm = forms.BooleanField(
        label=_("I confirm this answer on behalf of my organisation."),
        error_messages={"required": _("Tick the box to confirm your answer.")},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)

    def clean(self):
        data = super().clean()
        if data.get("action") not in ACTIONS:
            return data
        if data["action"] == "request_changes" and not data.get("reason", "").strip():
            self.add_error("reason", _("Say which changes you request."))
        if data["action"] == "approve":
            data["reason"] = ""
        return data


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Comment"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    block_id = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)
    parent = forms.IntegerField(
        required=False, min_value=1, max_value=2**63 - 1, widget=forms.HiddenInput
    )

    def __init__(self, *args, block_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.block_ids = set(block_ids)

    def clean_block_id(self):
        block_id = self.cleaned_data["block_id"]
        if block_id and block_id not in self.block_ids:
            raise forms.ValidationError(_("That part of the chapter no longer exists."))
        return block_id
