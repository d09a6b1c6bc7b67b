"""The month grid's layout: each event one bar per week row, in a lane.

Pure functions (no database, no request): the view hands them dates and
whatever it wants drawn, and places the bars with CSS grid."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple


class Bar(NamedTuple):
    """One event's bar in one week row: ``column`` counts from the week's
    first day (0–6), ``span`` days long, in ``lane`` (0 is the top one);
    ``continues_before`` / ``continues_after`` when the event goes on in the
    week before or after (the bar is split at the week's edge)."""

    item: Any
    column: int
    span: int
    lane: int
    continues_before: bool
    continues_after: bool


def assign_lanes(segments: Sequence[tuple[int, int]]) -> list[int]:
    """For each ``(first, last)`` segment of columns, in the order given, the
    lowest lane where it overlaps no segment placed before it."""
    lane_ends: list[int] = []  # the last column taken in each lane so far
    lanes = []
    for first, last in segments:
        for lane, end in enumerate(lane_ends):
            if end < first:
                lane_ends[lane] = last
                lanes.append(lane)
                break
        else:
            lane_ends.append(last)
            lanes.append(len(lane_ends) - 1)
    return lanes


def week_bars(week: Sequence[dt.date], spans: Iterable[tuple[Any, dt.date, dt.date]]) -> list[Bar]:
    """The bars of one week row for ``(item, first day, last day)`` spans:
    the spans outside the week are left out, the others cut to it. Earlier
    bars take the upper lanes, and of two starting on the same day the longer
    one (it reads best: long bars do not zigzag); ties keep the order given."""
    first, last = week[0], week[-1]
    cut = []
    for item, start, end in spans:
        if end < first or start > last:
            continue
        column = (max(start, first) - first).days
        end_column = (min(end, last) - first).days
        cut.append((item, column, end_column, start < first, end > last))
    cut.sort(key=lambda bar: (bar[1], bar[1] - bar[2]))
    lanes = assign_lanes([(column, end_column) for _, column, end_column, *_ in cut])
    return [
        Bar(item, column, end_column - column + 1, lane, before, after)
        for (item, column, end_column, before, after), lane in zip(cut, lanes, strict=True)
    ]
