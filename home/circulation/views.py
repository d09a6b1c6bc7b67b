"""The Partners' side of circulations (under /<lang>/circulated/): the link
in each email, and the choice between an email per circulation and a weekly
digest.

The link leads through the login (``?next=``); it opens only for a person
the circulation was sent to (anyone else: 404, the same answer as for an id
that does not exist), marks it opened for them, and goes on to the item.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ..breadcrumbs import trail
from ..http import partners_only, private, private_response
from .forms import PreferenceForm
from .models import CirculationDelivery, CirculationPreference, Frequency
from .recipients import item_url
from .sending import switched_to_each, waiting_for_digest

MAX_ID = 2**31 - 1


@private
@login_required
def open_circulation(request, pk):
    if pk > MAX_ID:
        raise Http404
    delivery = (
        CirculationDelivery.objects.filter(circulation_id=pk, user=request.user)
        .select_related("circulation__page", "circulation__document")
        .first()
    )
    if delivery is None or not (delivery.circulation.page_id or delivery.circulation.document_id):
        raise Http404
    if delivery.opened_at is None:
        CirculationDelivery.objects.filter(pk=delivery.pk, opened_at__isnull=True).update(
            opened_at=timezone.now()
        )
    return private_response(redirect(item_url(delivery.circulation, request)))


@partners_only
def preferences(request):
    row = CirculationPreference.objects.filter(user=request.user).first()
    instance = row or CirculationPreference(user=request.user)
    before = instance.frequency
    if request.method == "POST":
        form = PreferenceForm(request.POST, instance=instance)
        if form.is_valid():
            form.save()
            messages.success(request, _("Your choice is saved."))
            if before == Frequency.DIGEST and form.instance.frequency == Frequency.EACH:
                # Nothing that waited for the digest is lost: it is emailed now.
                if waiting_for_digest(request.user).exists():
                    messages.info(
                        request,
                        _(
                            "What was waiting for your weekly digest is emailed to you "
                            "now, one email per circulation."
                        ),
                    )
                switched_to_each(request.user)
            return redirect("circulation:preferences")
        status = 400
    else:
        form = PreferenceForm(instance=instance)
        status = 200
    return render(
        request,
        "home/circulation/preferences.html",
        {
            "form": form,
            "breadcrumbs": trail(request, (_("Circulations by email"), None)),
        },
        status=status,
    )
