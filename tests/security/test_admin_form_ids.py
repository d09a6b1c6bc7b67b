"""No form of the Wagtail admin answers a server error to a crafted id in
its POST body: every model choice of the project's own admin forms (a
foreign key's select or chooser, a many-to-many's, a page, document or
image chooser's hidden input) refuses a word, a NUL, a number past every
database's integers, a negative one and one in exponent notation as an
error on the form, and saves nothing.

The forms are found from Wagtail's registries (the admin viewsets, with
the snippets', and the page types), not from a list kept by hand: a
viewset or page type added tomorrow is tried too. Each one's add view, and
the edit view of one object of it where the demo has one, is rendered as
the Secretariat sees it (signed in with TOTP); its form is posted back as
a browser would send it, with one model choice at a time set to each bad
value. Run it on PostgreSQL too (``DATABASE_URL=postgres://…``): it refuses
a NUL in text, and its ids' range differs from SQLite's."""

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.forms import BaseForm, BaseFormSet
from django.test import Client
from django.urls import NoReverseMatch, reverse
from wagtail.admin.viewsets import viewsets
from wagtail.blocks.base import BlockWidget
from wagtail.models import get_page_models

from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db

BAD_IDS = ["abc", "\x00", "99999999999999999999999", "-1", "1e9"]


def _own(cls):
    return cls.__module__.startswith("gci.")


def admin_viewsets():
    """The project's own admin viewsets and snippets with a model and an
    add view: (namespace, viewset)."""
    found = {}
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        if not (_own(type(viewset)) and isinstance(model, type)):
            continue
        try:
            reverse(viewset.get_url_name("add"))
        except NoReverseMatch:
            continue
        found[viewset.url_namespace] = viewset
    return found


def page_types():
    return {model._meta.label: model for model in get_page_models() if _own(model)}


def _first(queryset):
    return queryset.order_by("pk").first()


def cases():
    """(id, kind, key, view): each add view, and each edit view where the
    demo has an object (which one is decided in the test: the demo is
    built after collection)."""
    found = []
    for namespace in sorted(admin_viewsets()):
        found.append((f"{namespace}:add", "viewset", namespace, "add"))
        found.append((f"{namespace}:edit", "viewset", namespace, "edit"))
    for label in sorted(page_types()):
        found.append((f"{label}:edit", "page", label, "edit"))
    return found


CASES = cases()


def url_of(kind, key, view):
    if kind == "page":
        page = _first(page_types()[key].objects.all())
        return page and reverse("wagtailadmin_pages:edit", args=[page.pk])
    viewset = admin_viewsets()[key]
    if view == "add":
        return reverse(viewset.get_url_name("add"))
    instance = _first(viewset.model._default_manager.all())
    return instance and reverse(viewset.get_url_name("edit"), args=[instance.pk])


def forms_of(form):
    """The form and its inline panels' forms (Wagtail's ClusterForm)."""
    yield form
    for formset in getattr(form, "formsets", {}).values():
        for child in formset.forms:
            yield from forms_of(child)


def choices_of(form):
    """(posted name, form, field name) of every model choice in ``form``."""
    for each in forms_of(form):
        for name, field in each.fields.items():
            if isinstance(field, forms.ModelChoiceField):
                yield each.add_prefix(name), each, name


def stream_names(form):
    """A StreamField's inputs are drawn by the browser's script: posted as
    an empty stream here."""
    for each in forms_of(form):
        for name, field in each.fields.items():
            if isinstance(field.widget, BlockWidget):
                yield each.add_prefix(name)


def posted(html, names):
    """What a browser sends from the page's form holding ``names``."""
    soup = BeautifulSoup(html, "html.parser")
    form = max(
        soup.find_all("form", method=lambda m: m and m.lower() == "post"),
        key=lambda f: len({i.get("name") for i in f.find_all(attrs={"name": True})} & names),
    )
    data = {}
    for element in form.find_all(["input", "select", "textarea"]):
        name = element.get("name")
        if not name or element.has_attr("disabled"):
            continue
        if element.name == "textarea":
            data.setdefault(name, []).append(element.text)
        elif element.name == "select":
            options = element.find_all("option")
            chosen = [o for o in options if o.has_attr("selected")]
            if not chosen and options and not element.has_attr("multiple"):
                chosen = options[:1]
            data.setdefault(name, []).extend(o.get("value", o.text) for o in chosen)
        else:
            kind = (element.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                continue
            if kind in ("checkbox", "radio") and not element.has_attr("checked"):
                continue
            data.setdefault(name, []).append(
                element.get("value", "on" if kind == "checkbox" else "")
            )
    return data


def _rendered_form(response):
    form = response.context.get("form")
    assert isinstance(form, BaseForm), "no form in the page's context"
    return form


def _posted_form(response, form_name):
    """The form the page came back with, and the bound one holding the field."""
    for context in response.context or []:
        for value in context.flatten().values():
            if isinstance(value, BaseForm):
                for each in forms_of(value):
                    if form_name in {each.add_prefix(n) for n in each.fields}:
                        return each
            elif isinstance(value, BaseFormSet):
                for each in value.forms:
                    if form_name in {each.add_prefix(n) for n in each.fields}:
                        return each
    return None


def snapshot(model, pk):
    if pk is None:
        return model._default_manager.count()
    return list(model._default_manager.filter(pk=pk).values())


def test_the_forms_are_found():
    """What would make the test below pass by trying nothing."""
    namespaces = set(admin_viewsets())
    for namespace in (
        "in_kind_contributions",
        "enforcement_records",
        "circulations",
        "workshop_requests",
        "wagtailsnippets_home_resourceperson",
        "wagtailsnippets_materials_material",
    ):
        assert namespace in namespaces, namespace
    assert "gci_calendar.EventPage" in page_types()
    assert len(CASES) > 60


@pytest.mark.parametrize(("kind", "key", "view"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_crafted_id_in_an_admin_form_is_no_server_error(secretariat_user, kind, key, view):
    client = Client(raise_request_exception=False)
    force_login_with_totp(client, secretariat_user)
    url = url_of(kind, key, view)
    if url is None:
        pytest.skip(f"the demo has no {key}")
    response = client.get(url)
    if response.status_code == 302:  # not offered (a read-only viewset, a sent circulation)
        pytest.skip(f"{url} is not offered: sent to {response['Location']}")
    assert response.status_code == 200, (url, response.status_code)
    form = _rendered_form(response)
    choices = list(choices_of(form))
    if not choices:
        return
    data = posted(response.content.decode(), {name for name, _, _ in choices})
    for name in stream_names(form):
        data.setdefault(f"{name}-count", ["0"])
    model = form._meta.model
    pk = form.instance.pk
    before = snapshot(model, pk)
    failures = []
    # A disabled field ignores what is posted (the form may save): last.
    for name, each, field_name in sorted(choices, key=lambda c: c[1].fields[c[2]].disabled):
        disabled = each.fields[field_name].disabled
        if disabled:
            assert snapshot(model, pk) == before, "a bad id saved something"
        for bad in BAD_IDS:
            response = client.post(url, {**data, name: [bad]})
            what = f"{name}={bad!r}"
            if response.status_code >= 500:
                failures.append(f"{what}: {response.status_code}")
            elif disabled:
                continue
            elif response.status_code != 200:
                failures.append(f"{what}: {response.status_code}, not the form again")
            elif not _refused(response, name, field_name):
                failures.append(f"{what}: no error on the form")
    assert failures == [], url
    assert snapshot(model, pk) == before or any(
        each.fields[field_name].disabled for _, each, field_name in choices
    ), "a bad id saved something"


def _refused(response, name, field_name):
    """The field is in error, or the form is (a form that drops a value
    that is not an id, then says what to choose: CirculationForm)."""
    bound = _posted_form(response, name)
    return bound is not None and (field_name in bound.errors or bound.non_field_errors())
