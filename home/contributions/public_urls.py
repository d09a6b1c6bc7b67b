"""The public totals of the in-kind contributions, under /<lang>/contributions/."""

from django.urls import path

from . import views

app_name = "public_contributions"

urlpatterns = [
    path("", views.public_contributions, name="totals"),
    path("totals.csv", views.public_contributions_csv, name="csv"),
]
