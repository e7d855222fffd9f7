"""Calendar arithmetic and ``strftime`` for ``os.date`` and ``os.time``.

Dates are computed from day counts (proleptic Gregorian calendar), not by
the C library: any year works, and the result is the same on every
platform. Time zones come in as an offset from UTC (``Tm.gmtoff``).
"""

from __future__ import annotations

from .args import arg_error

_DAYS = (b"Sunday", b"Monday", b"Tuesday", b"Wednesday", b"Thursday", b"Friday", b"Saturday")
_MONTHS = (b"January", b"February", b"March", b"April", b"May", b"June", b"July", b"August",
           b"September", b"October", b"November", b"December")


def days_from_civil(y: int, m: int, d: int) -> int:
    """Days since 1970-01-01 of a proleptic Gregorian date."""
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    mp = (m + 9) % 12
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def civil_from_days(z: int) -> tuple:
    z += 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (y + (m <= 2), m, d)


class Tm:
    """A broken-down time (C's ``struct tm``) of ``t`` seconds since the
    epoch, seen ``gmtoff`` seconds east of UTC in the zone named ``zone``.
    Computed here rather than by the C library, so that it works for any
    year and the same way on every platform."""

    __slots__ = ("year", "month", "day", "hour", "min", "sec", "wday", "yday", "gmtoff", "zone", "isdst")

    def __init__(self, t: int, gmtoff: int = 0, zone: str = "UTC", isdst: bool = False):
        days, secs = divmod(t + gmtoff, 86400)
        self.year, self.month, self.day = civil_from_days(days)
        self.hour, rem = divmod(secs, 3600)
        self.min, self.sec = divmod(rem, 60)
        self.wday = (days + 4) % 7  # 0 = Sunday
        self.yday = days - days_from_civil(self.year, 1, 1)  # 0-based
        self.gmtoff, self.zone, self.isdst = gmtoff, zone, isdst


_VALID = set("aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%")
_VALID_E = set("cCxXyY")
_VALID_O = set("deHImMSuUVwWy")


def strftime(fmt: bytes, tm: Tm, utc: bool, qual: str) -> bytes:
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        if ch != 37:  # '%'
            out.append(bytes((ch,)))
            i += 1
            continue
        i += 1
        spec = chr(fmt[i]) if i < n else ""
        if spec in ("E", "O"):
            nxt = chr(fmt[i + 1]) if i + 1 < n else ""
            if nxt not in (_VALID_E if spec == "E" else _VALID_O):
                bad = fmt[i - 1:i + 2].decode("latin-1")
                raise arg_error(1, qual, f"invalid conversion specifier '{bad}'")
            i += 1
            spec = nxt
        elif spec not in _VALID:
            bad = fmt[i - 1:i + 1].decode("latin-1")
            raise arg_error(1, qual, f"invalid conversion specifier '{bad}'")
        i += 1
        out.append(_conv(spec, tm, utc).encode())
    return b"".join(out)


def _conv(c: str, tm: Tm, utc: bool) -> str:
    if c == "a":
        return _DAYS[tm.wday][:3].decode()
    if c == "A":
        return _DAYS[tm.wday].decode()
    if c in ("b", "h"):
        return _MONTHS[tm.month - 1][:3].decode()
    if c == "B":
        return _MONTHS[tm.month - 1].decode()
    if c == "c":
        return f"{_conv('a', tm, utc)} {_conv('b', tm, utc)} {tm.day:2d} {tm.hour:02d}:{tm.min:02d}:{tm.sec:02d} {tm.year}"
    if c == "C":
        return f"{tm.year // 100:02d}"
    if c == "d":
        return f"{tm.day:02d}"
    if c == "D":
        return f"{tm.month:02d}/{tm.day:02d}/{tm.year % 100:02d}"
    if c == "e":
        return f"{tm.day:2d}"
    if c == "F":
        return f"{tm.year}-{tm.month:02d}-{tm.day:02d}"
    if c == "g":
        return f"{_iso(tm)[0] % 100:02d}"
    if c == "G":
        return f"{_iso(tm)[0]}"
    if c == "H":
        return f"{tm.hour:02d}"
    if c == "I":
        return f"{(tm.hour % 12) or 12:02d}"
    if c == "j":
        return f"{tm.yday + 1:03d}"
    if c == "m":
        return f"{tm.month:02d}"
    if c == "M":
        return f"{tm.min:02d}"
    if c == "n":
        return "\n"
    if c == "p":
        return "AM" if tm.hour < 12 else "PM"
    if c == "r":
        return f"{_conv('I', tm, utc)}:{tm.min:02d}:{tm.sec:02d} {_conv('p', tm, utc)}"
    if c == "R":
        return f"{tm.hour:02d}:{tm.min:02d}"
    if c == "S":
        return f"{tm.sec:02d}"
    if c == "t":
        return "\t"
    if c in ("T", "X"):
        return f"{tm.hour:02d}:{tm.min:02d}:{tm.sec:02d}"
    if c == "u":
        return str((tm.wday + 6) % 7 + 1)
    if c == "U":
        return f"{(tm.yday + 7 - tm.wday) // 7:02d}"
    if c == "V":
        return f"{_iso(tm)[1]:02d}"
    if c == "w":
        return str(tm.wday)
    if c == "W":
        return f"{(tm.yday + 7 - (tm.wday + 6) % 7) // 7:02d}"
    if c == "x":
        return f"{tm.month:02d}/{tm.day:02d}/{tm.year % 100:02d}"
    if c == "y":
        return f"{tm.year % 100:02d}"
    if c == "Y":
        return str(tm.year)
    if c == "z":
        off = abs(tm.gmtoff) // 60
        return f"{'-' if tm.gmtoff < 0 else '+'}{off // 60:02d}{off % 60:02d}"
    if c == "Z":
        return "GMT" if utc else tm.zone
    return "%"


def _iso(tm: Tm) -> tuple:
    """ISO 8601 week-based year and week number."""
    wd = (tm.wday + 6) % 7  # Monday = 0
    thursday = days_from_civil(tm.year, tm.month, tm.day) - wd + 3
    y = civil_from_days(thursday)[0]
    week = (thursday - days_from_civil(y, 1, 1)) // 7 + 1
    return y, week
