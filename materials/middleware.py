"""Turn a refused publication of an unreviewed translation into a message."""

from django.contrib import messages
from django.shortcuts import redirect

from .models import TranslationNotReviewed


class ReviewGateMessageMiddleware:
    """In the admin, a translated Guide page that may not be published yet
    answers with the reason on the page the person came from, instead of an
    error page. The refused page itself is unchanged; in a bulk action the
    pages handled before it keep what was done to them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, TranslationNotReviewed):
            return None
        messages.error(request, str(exception))
        referer = request.headers.get("Referer", "")
        target = request.get_full_path()
        if referer.startswith(request.build_absolute_uri("/admin/")):
            target = referer
        return redirect(target)
