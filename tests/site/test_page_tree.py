"""Where each page type may stand in the tree, checked with Wagtail's own
helpers (``WagtailPageTestCase``): the parents an editor is offered and the
page types they may add under each page. A new page type fails
``test_every_page_type_has_its_rules_here`` until its rules are written here.
"""

from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from gci.calendar.models import EventIndexPage, EventPage, TrainingIndicatorsPage
from gci.focal_points.models import FocalPointDirectoryPage, OrganisationFocalPointsPage
from gci.home.models import HomePage, PartnerIndexPage, PartnersAreaPage, StandardPage
from gci.home.network.models import InstitutionIndexPage
from gci.home.news import NewsIndexPage, NewsPage
from gci.home.reporting.models import MeetingReportPage, MidYearSummaryPage
from gci.materials.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    CourseCatalogPage,
    EnforcementNewsPage,
    GuideChapterPage,
    GuidePage,
    ReviewIndexPage,
    SuitcasePage,
)

# page type: (the page types it may stand under, the page types it may hold)
TREE = {
    HomePage: (
        {Page},
        {
            # Wagtail's base Page is listed but never creatable (is_creatable = False).
            Page,
            StandardPage,
            PartnerIndexPage,
            PartnersAreaPage,
            EventIndexPage,
            NewsIndexPage,
            CaseStudyIndexPage,
            CourseCatalogPage,
            EnforcementNewsPage,
            GuidePage,
            FocalPointDirectoryPage,
            TrainingIndicatorsPage,
            InstitutionIndexPage,
            MidYearSummaryPage,
            MeetingReportPage,
        },
    ),
    StandardPage: ({HomePage, StandardPage, PartnersAreaPage}, {StandardPage}),
    PartnerIndexPage: ({HomePage}, set()),
    PartnersAreaPage: (
        {HomePage},
        {StandardPage, EventIndexPage, NewsIndexPage, ReviewIndexPage, SuitcasePage}
        | {MidYearSummaryPage, MeetingReportPage},
    ),
    EventIndexPage: ({HomePage, PartnersAreaPage}, {EventPage}),
    EventPage: ({EventIndexPage}, set()),
    NewsIndexPage: ({HomePage, PartnersAreaPage}, {NewsPage}),
    NewsPage: ({NewsIndexPage}, set()),
    CaseStudyIndexPage: ({HomePage}, {CaseStudyPage}),
    CaseStudyPage: ({CaseStudyIndexPage, SuitcasePage}, set()),
    CourseCatalogPage: ({HomePage}, set()),
    EnforcementNewsPage: ({HomePage}, set()),
    TrainingIndicatorsPage: ({HomePage}, set()),
    InstitutionIndexPage: ({HomePage}, set()),
    GuidePage: ({HomePage}, {GuideChapterPage}),
    GuideChapterPage: ({GuidePage}, set()),
    ReviewIndexPage: ({PartnersAreaPage}, set()),
    SuitcasePage: ({PartnersAreaPage}, {CaseStudyPage}),
    FocalPointDirectoryPage: ({HomePage}, {OrganisationFocalPointsPage}),
    MidYearSummaryPage: ({HomePage, PartnersAreaPage}, set()),
    MeetingReportPage: ({HomePage, PartnersAreaPage}, set()),
    OrganisationFocalPointsPage: ({FocalPointDirectoryPage}, set()),
}

# Sections kept to one per parent: a second one would split the section's URLs.
ONE_PER_PARENT = {
    HomePage,
    PartnerIndexPage,
    PartnersAreaPage,
    EventIndexPage,
    NewsIndexPage,
    CaseStudyIndexPage,
    CourseCatalogPage,
    EnforcementNewsPage,
    GuidePage,
    ReviewIndexPage,
    SuitcasePage,
    FocalPointDirectoryPage,
    TrainingIndicatorsPage,
    InstitutionIndexPage,
}


class PageTreeTests(WagtailPageTestCase):
    def test_every_page_type_has_its_rules_here(self):
        self.assertEqual(set(get_page_models()) - {Page}, set(TREE))

    def test_each_page_type_stands_under_its_parents_only(self):
        for page_type, (parents, _children) in TREE.items():
            with self.subTest(page_type=page_type.__name__):
                self.assertAllowedParentPageTypes(page_type, parents)

    def test_each_page_type_holds_its_subpage_types_only(self):
        for page_type, (_parents, children) in TREE.items():
            with self.subTest(page_type=page_type.__name__):
                self.assertAllowedSubpageTypes(page_type, children)

    def test_restricted_sections_cannot_be_created_on_the_public_side(self):
        for section in (ReviewIndexPage, SuitcasePage):
            self.assertCanCreateAt(PartnersAreaPage, section)
            self.assertCanNotCreateAt(HomePage, section)
        self.assertCanNotCreateAt(PartnersAreaPage, CaseStudyIndexPage)
        self.assertCanNotCreateAt(PartnersAreaPage, GuidePage)

    def test_leaf_pages_hold_no_pages(self):
        for page_type, (_parents, children) in TREE.items():
            if not children:
                with self.subTest(page_type=page_type.__name__):
                    self.assertCanNotCreateAt(page_type, StandardPage)

    def test_sections_are_one_per_parent(self):
        for page_type in TREE:
            with self.subTest(page_type=page_type.__name__):
                self.assertEqual(page_type.max_count_per_parent == 1, page_type in ONE_PER_PARENT)

    def test_a_second_section_cannot_be_added_under_a_home_page_that_has_one(self):
        home = HomePage.objects.filter(locale__language_code="en").get()
        for section in (PartnerIndexPage, PartnersAreaPage, GuidePage, FocalPointDirectoryPage):
            with self.subTest(section=section.__name__):
                self.assertFalse(section.can_create_at(home))
        self.assertTrue(StandardPage.can_create_at(home))
