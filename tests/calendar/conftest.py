"""Fixtures shared by the calendar's tests."""

import pytest

from tests.factories.calendar import days_from_today, make_event, planning_index


@pytest.fixture
def meeting():
    """A Partners meeting held a month ago, in the planning calendar (action
    points are recorded against it)."""
    return make_event(
        planning_index(),
        "Sixth Partners meeting",
        days_from_today(-30),
        kind="partners_meeting",
        status="held",
    )
