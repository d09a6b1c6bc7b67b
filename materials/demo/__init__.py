"""Demo materials for `load_demo`: the Guide with its translations and
review rounds (`guide`), the suitcase and case studies (`suitcase`), the
e-learning catalogue (`courses`), from
the data files beside this module. Idempotent."""

from . import courses, enforcement, guide, suitcase


def load(builder, home, area, organisations, clock=None):
    guide.load(builder, home, area, organisations, clock)
    suitcase.load(builder, home, area, clock)
    courses.load(builder, home)
    enforcement.load(builder, home, clock)
