"""The Partners' side of the focal points (under /<lang>/my-organisation/)."""

from django.urls import path

from . import views

app_name = "focal_points"

urlpatterns = [path("focal-points/", views.edit_links, name="edit")]
