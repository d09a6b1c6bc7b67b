"""The Partners' enforcement records (language-prefixed, under /<lang>/planning/enforcement/)."""

from django.urls import path

from .views import enforcement

app_name = "gci_enforcement"

urlpatterns = [
    path("", enforcement.records, name="records"),
    path("new/", enforcement.new_record, name="new"),
    path("<int:pk>/", enforcement.record_detail, name="record"),
]
