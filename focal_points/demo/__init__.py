"""Demo focal-point directory for `load_demo`, read from the YAML files
beside this module: the directory page (`pages.yaml`) and the eleven
organisations' public pages of national focal points or contacts
(`links.yaml`). Idempotent."""

from pathlib import Path

from gci.home.datafiles import read_yaml

from ..models import FocalPointDirectoryPage, FocalPointLink, OrganisationFocalPointsPage

DATA = Path(__file__).parent


def load(builder, home, organisations):
    texts = read_yaml(DATA / "pages.yaml")["focal-points"]
    directory = builder.child(
        home, FocalPointDirectoryPage, "focal-points", texts, show_in_menus=True
    )
    for acronym, links in read_yaml(DATA / "links.yaml").items():
        organisation = organisations[acronym]
        if OrganisationFocalPointsPage.objects.filter(organisation=organisation).exists():
            continue
        page = OrganisationFocalPointsPage(
            title=organisation.name,
            slug=acronym.lower(),
            organisation=organisation,
        )
        page.links = [FocalPointLink(**link) for link in links]
        directory.add_child(instance=page)
        page.save_revision().publish()
    return directory
