"""The Partners' contributions, under /<lang>/planning/contributions/."""

from django.urls import path

from . import views

app_name = "contributions"

urlpatterns = [
    path("", views.contributions, name="list"),
    path("new/", views.new_contribution, name="new"),
    path("<int:pk>/", views.edit_contribution, name="edit"),
    path("<int:pk>/delete/", views.delete_contribution, name="delete"),
]
