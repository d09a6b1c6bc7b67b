"""Activity reports in the Partners area (under /<lang>/planning/reports/)."""

from django.urls import path

from . import views

app_name = "gci_home_reporting"

urlpatterns = [
    path("", views.reports, name="reports"),
    path("<int:pk>/", views.report, name="report"),
]
