"""Tells a page when the date changes while the window stays open: a figure counted in days
(« Impayés »' days late) read yesterday is a day behind after midnight."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

#: Checked again at least this often: a timer runs on a monotonic clock, which does not count
#: the hours a suspended laptop sleeps (woken at 9 h, a timer set at 18 h for midnight still
#: has 6 h to run).
LONGEST_MS = 3_600_000
#: Fired this long after midnight, so that the clock read then is surely the new day's.
PAST_MIDNIGHT_MS = 1_000


def ms_to_next_check(moment: dt.datetime) -> int:
    """Milliseconds from ``moment`` to just past the next midnight, at most :data:`LONGEST_MS`."""
    midnight = dt.datetime.combine(moment.date() + dt.timedelta(days=1), dt.time(), moment.tzinfo)
    to_midnight = (midnight - moment) // dt.timedelta(milliseconds=1)
    return min(to_midnight + PAST_MIDNIGHT_MS, LONGEST_MS)


class DayWatch(QObject):
    """A single-shot timer to the next midnight, armed again each time it fires;
    ``dayChanged(date)`` when the clock's date is not the one last seen. ``now`` is the clock
    (tests give their own with :meth:`set_clock` and call :meth:`check`)."""

    dayChanged = Signal(object)

    def __init__(
        self,
        parent: QObject | None = None,
        now: Callable[[], dt.datetime] = dt.datetime.now,
    ) -> None:
        super().__init__(parent)
        self.now = now
        self.day = now().date()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        # a coarse timer may fire up to 5 % early: minutes before midnight on an 8-hour wait
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.check)
        self.arm()

    def set_clock(self, now: Callable[[], dt.datetime]) -> None:
        """Watch ``now`` from here on (its date is the one seen)."""
        self.now = now
        self.day = now().date()
        self.arm()

    def arm(self) -> None:
        self.timer.start(ms_to_next_check(self.now()))

    def check(self) -> bool:
        """Whether the date changed since last seen (then ``dayChanged`` was emitted); the
        timer is armed again for the next midnight either way."""
        day = self.now().date()
        changed, self.day = day != self.day, day
        self.arm()
        if changed:
            self.dayChanged.emit(day)
        return changed
