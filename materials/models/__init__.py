"""The materials app's models: re-exports only (each area has its module)."""

from .case_studies import CaseStudyIndexPage, CaseStudyPage
from .suitcase import Material, MaterialVersion, SuitcasePage

__all__ = [
    "CaseStudyIndexPage",
    "CaseStudyPage",
    "Material",
    "MaterialVersion",
    "SuitcasePage",
]
