"""Demo focal-point directory for `load_demo`: the eleven organisations'
public pages of national focal points or contacts, as far as we know them.
Country patterns only where the organisation publishes a page per country.
`check_focal_point_links` shows which of these have gone stale."""
# ruff: noqa: E501

from .models import FocalPointDirectoryPage, FocalPointLink, OrganisationFocalPointsPage

DIRECTORY = {
    "en": (
        "Focal points",
        "Each organisation keeps its own list of national focal points and contacts: find them here, by treaty or for one country.",
        [],
    ),
    "fr": (
        "Correspondants nationaux",
        "Chaque organisation tient sa propre liste de correspondants nationaux et de contacts : retrouvez-les ici, par traité ou pour un pays.",
        [],
    ),
    "es": (
        "Puntos focales",
        "Cada organización mantiene su propia lista de puntos focales nacionales y contactos: encuéntrelos aquí, por tratado o por país.",
        [],
    ),
    "ru": (
        "Координационные центры",
        "Каждая организация ведёт собственный список национальных координационных центров и контактов: найдите их здесь по договору или по стране.",
        [],
    ),
    "ar": (
        "جهات الاتصال",
        "تحتفظ كل منظمة بقائمتها الخاصة بجهات الاتصال الوطنية: تجدونها هنا حسب المعاهدة أو حسب البلد.",
        [],
    ),
    "zh-hans": ("联络点", "各组织自行维护其国家联络点和联系人名单：可在此按条约或按国家查找。", []),
}

# acronym: [(treaty, kind, label, url, country pattern)]
LINKS = {
    "SBC": [
        (
            "basel",
            "competent_authority",
            "Basel Convention country contacts: focal points and competent authorities",
            "https://www.basel.int/Countries/CountryContacts/tabid/1342/Default.aspx",
            "",
        )
    ],
    "RC": [
        (
            "rotterdam",
            "dna",
            "Rotterdam Convention country contacts: designated national authorities",
            "https://www.pic.int/Countries/CountryContacts/tabid/1072/language/en-US/Default.aspx",
            "",
        )
    ],
    "SC": [
        (
            "stockholm",
            "focal_point",
            "Stockholm Convention official contact points and national focal points",
            "https://www.pops.int/Countries/OfficialContactPoints/tabid/304/Default.aspx",
            "",
        )
    ],
    "CITES": [
        (
            "cites",
            "management_authority",
            "National CITES authorities",
            "https://cites.org/eng/cms/index.php/component/cp",
            "https://cites.org/eng/cms/index.php/component/cp/country/{iso2}",
        )
    ],
    "OzS": [
        (
            "montreal",
            "ozone_unit",
            "Country data and national ozone contacts",
            "https://ozone.unep.org/countries",
            "",
        )
    ],
    "SCBD": [
        (
            "cartagena",
            "focal_point",
            "Biosafety Clearing-House: national contacts by country",
            "https://bch.cbd.int/en/countries",
            "https://bch.cbd.int/en/countries/{iso2_lower}",
        ),
    ],
    "OPCW": [
        (
            "cwc",
            "national_authority",
            "OPCW Member States",
            "https://www.opcw.org/about-us/member-states",
            "",
        )
    ],
    "UNEP": [
        (
            "environment",
            "ozone_unit",
            "OzonAction: support to national ozone units",
            "https://www.unep.org/ozonaction/",
            "",
        )
    ],
    "WCO": [
        (
            "customs",
            "customs_contact",
            "WCO Members",
            "https://www.wcoomd.org/en/about-us/wco-members/membership.aspx",
            "",
        )
    ],
    "UNODC": [
        (
            "crime",
            "office",
            "UNODC field offices",
            "https://www.unodc.org/unodc/en/field-offices.html",
            "",
        )
    ],
    "INTERPOL": [
        (
            "police",
            "ncb",
            "INTERPOL member countries and their National Central Bureaus",
            "https://www.interpol.int/Who-we-are/Member-countries",
            "",
        )
    ],
}


def load(builder, home, organisations):
    directory = builder.child(
        home, FocalPointDirectoryPage, "focal-points", DIRECTORY, show_in_menus=True
    )
    for acronym, links in LINKS.items():
        organisation = organisations[acronym]
        if OrganisationFocalPointsPage.objects.filter(organisation=organisation).exists():
            continue
        page = OrganisationFocalPointsPage(
            title=organisation.name,
            slug=acronym.lower(),
            organisation=organisation,
        )
        page.links = [
            FocalPointLink(treaty=t, kind=k, label=label, url=url, country_url_pattern=pattern)
            for t, k, label, url, pattern in links
        ]
        directory.add_child(instance=page)
        page.save_revision().publish()
    return directory
