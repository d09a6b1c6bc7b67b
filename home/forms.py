"""Forms of the partnership: the admin's user forms carry the organisation."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm

from gci.site.forms import SafeModelChoiceField, SafeModelMultipleChoiceField
from gci.site.memo import default_locale

from .invitations import ensure_primary_email, send_invitation
from .models import Membership, PartnerOrganisation


class OrganisationFieldMixin(forms.Form):
    organisation = SafeModelChoiceField(
        queryset=PartnerOrganisation.objects.none(),
        required=False,
        label=_("Organisation"),
        help_text=_("The Partner organisation this person works for."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = PartnerOrganisation.objects.filter(
            locale=default_locale()
        )
        if self.instance.pk:
            membership = Membership.objects.filter(user=self.instance).first()
            if membership:
                self.initial["organisation"] = membership.organisation_id

    def clean_email(self):
        from django.contrib.auth import get_user_model

        email = self.cleaned_data["email"].strip()
        others = get_user_model().objects.filter(email__iexact=email)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("Another account already uses this email address."))
        return email

    def save_membership(self, user):
        organisation = self.cleaned_data.get("organisation")
        if organisation:
            Membership.objects.update_or_create(user=user, defaults={"organisation": organisation})
        else:
            Membership.objects.filter(user=user).delete()


class InviteUserForm(OrganisationFieldMixin, UserCreationForm):
    """Creates an account without a password and emails an invitation."""

    def save(self, commit=True):
        user = super().save(commit=False)
        user.set_unusable_password()
        if commit:
            user.save()
            self.save_m2m()
            self.save_membership(user)
            ensure_primary_email(user)
            transaction.on_commit(lambda: send_invitation(user))
        return user

    class Meta(UserCreationForm.Meta):
        field_classes = {"groups": SafeModelMultipleChoiceField}  # a crafted id: a form error


class EditUserForm(OrganisationFieldMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        field_classes = {"groups": SafeModelMultipleChoiceField}

    def save(self, commit=True):
        user = super().save(commit=commit)
        if commit:
            self.save_membership(user)
            ensure_primary_email(user)
        return user
