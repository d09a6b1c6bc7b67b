"""The Partners' roster of resource persons (language-prefixed, under
/<lang>/planning/resource-persons/)."""

from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
    path("", views.roster, name="roster"),
    path("<int:pk>/", views.person, name="person"),
]
