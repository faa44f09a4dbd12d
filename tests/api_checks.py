"""Checks of the open API's conventions (syvsite/api.py) that every domain's API tests share:
one pagination, and renamed parameters that keep working with a Deprecation header."""

from __future__ import annotations

import math

PAGE_KEYS = {"count", "page", "page_size", "pages", "results"}


def check_paging(
    client, path: str, *, count: int, page_size: int, extra: set[str] = frozenset(), **params
) -> dict:
    """Pages of `page_size` over `count` items answer with the one head (and only the `extra`
    keys of this operation beside it), and a page past the last is the last page. Returns the
    last page."""
    pages = max(1, math.ceil(count / page_size))
    first = client.get(path, {**params, "page_size": page_size}).json()
    last = client.get(path, {**params, "page_size": page_size, "page": pages}).json()
    past = client.get(path, {**params, "page_size": page_size, "page": pages + 3}).json()
    for answer, page in ((first, 1), (last, pages)):
        assert set(answer) == PAGE_KEYS | set(extra), path
        head = (answer["count"], answer["page"], answer["page_size"], answer["pages"])
        assert head == (count, page, page_size, pages), path
    assert len(first["results"]) == min(count, page_size)
    assert len(last["results"]) == count - (pages - 1) * page_size
    assert past == last, "a page past the last gives the last"
    return last


def check_renamed(client, path: str, renamed: dict[str, str], values: dict, **params) -> dict:
    """Each old name (`renamed`: old → new) gives the answer its new name gives (`values` by
    new name), and says that it is deprecated, naming the new name; the new names do not.
    Returns the answer to the new names."""
    now = client.get(path, {**params, **values})
    then = client.get(path, {**params, **{old: values[new] for old, new in renamed.items()}})
    assert now.status_code == then.status_code == 200, (now.content, then.content)
    assert then.json() == now.json()
    assert then.headers["Deprecation"] == "true"
    for old, new in renamed.items():
        assert f'"{old} är föråldrat, använd {new}"' in then.headers["Warning"]
    assert "Deprecation" not in now.headers and "Warning" not in now.headers
    return now.json()
