"""django-allauth adapter: accounts are by invitation only."""

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from gci.site.mail import email_subject

from .visibility import partners_area_url_for


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        # Nobody signs themselves up: the Secretariat invites people from the
        # Wagtail admin (see gci.home.invitations).
        return False

    def format_email_subject(self, subject):
        # allauth's own emails (password reset, address confirmation) get the
        # same single-line, prefixed subject as every other email of the site.
        return email_subject(subject)

    def get_login_redirect_url(self, request):
        return partners_area_url_for(request) or reverse("wagtail_serve", args=[""])
