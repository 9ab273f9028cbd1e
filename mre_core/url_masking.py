"""Passwords out of URLs, before a URL (or a message holding one) is shown anywhere.

A database URL carries its password (`postgresql://mre:S3cret@db/mre`), and
mre prints URLs in errors, logs, run records and reports, all of which end
up in terminals, journals and bug reports. Everything that shows a URL
passes it, or the whole message, through `mask_passwords`.
"""

from __future__ import annotations

import re

MASK = "***"

# scheme://user:password@ : the password runs to the last "@" before a space, so one
# with a raw "@", "/" or "?" in it (that no driver would read right) is masked whole too.
# The price: a URL with a port and an "@" further on (?user=a@b) is masked past its port.
_USERINFO = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^\s:/?#@]*:)\S*@")
# libpq takes the password as a query parameter too: postgresql://db/mre?password=S3cret
_QUERY = re.compile(r"(?P<head>[?&]password=)[^&#\s'\"]*", re.IGNORECASE)


def mask_passwords(text: str) -> str:
    """`text` with the password of every URL in it replaced by ***.

    Works on a bare URL and on a message quoting URLs; the user name, host
    and database stay, so the message still says which database it was.
    """
    text = _USERINFO.sub(rf"\g<head>{MASK}@", text)
    return _QUERY.sub(rf"\g<head>{MASK}", text)
