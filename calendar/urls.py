"""The Partners' side of the calendar (language-prefixed, under /<lang>/planning/)."""

from django.urls import path

from . import consultation_views, evaluation, training, views

app_name = "gci_calendar"

urlpatterns = [
    path("propose/", views.propose_event, name="propose"),
    path("proposals/", views.proposals, name="proposals"),
    path("proposals/<int:pk>/", views.proposal_detail, name="proposal"),
    path("proposals/<int:pk>/edit/", views.edit_proposal, name="edit_proposal"),
    path("proposals/<int:pk>/withdraw/", views.withdraw_proposal, name="withdraw_proposal"),
    path("action-points/<int:pk>/", views.update_action_point, name="update_action_point"),
    path("calendar-link/", views.feed_link, name="feed_link"),
    path("workshop-requests/", views.workshop_requests, name="workshop_requests"),
    path("workshop-requests/new/", views.send_workshop_request, name="send_workshop_request"),
    path("workshop-requests/<int:pk>/", views.workshop_request, name="workshop_request"),
    path(
        "workshop-requests/<int:pk>/withdraw/",
        views.withdraw_workshop_request,
        name="withdraw_workshop_request",
    ),
    path("workplan/", views.workplan, name="workplan"),
    path("workplan/<int:year>/", views.workplan, name="workplan_year"),
    path("consultations/", consultation_views.consultations, name="consultations"),
    path("consultations/<int:pk>/", consultation_views.consultation, name="consultation"),
    path("evaluations/<int:pk>/", evaluation.partners_results, name="evaluation_results"),
    path("training/", training.partners_indicators, name="training_indicators"),
]
