"""The Partners' side of circulations (language-prefixed, under /<lang>/circulated/)."""

from django.urls import path

from . import views

app_name = "circulation"

urlpatterns = [
    path("<int:pk>/", views.open_circulation, name="open"),
    path("preferences/", views.preferences, name="preferences"),
]
