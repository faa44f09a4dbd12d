"""Reading a JSON-stat 2.0 dataset (as SCB's PxWeb API returns it) into a frame: one row per
cell with each dimension's code and label, the value and its status.

Why not pyjstat: it builds the frame with labels *or* codes (we need both), ignores `status`
(SCB's ".." cells), and lets a value count that does not match the dimension sizes through to a
generic pandas length error instead of a message a person can act on; it also warns that its
reader is deprecated. The format itself is small: the values are in row-major order over the
dimensions in `id` order (the last dimension varies fastest), which is what
`pandas.MultiIndex.from_product` produces, so decoding is a few lines and every check below
can name what is wrong and where.
"""

import math

import pandas as pd
from django.utils.translation import gettext as _

from ..exceptions import UnreadableFile


def _categories(dimension_id: str, dimension: dict) -> tuple[list[str], dict[str, str]]:
    category = dimension.get("category") if isinstance(dimension, dict) else None
    if not isinstance(category, dict):
        raise UnreadableFile(
            _("Dimensionen %(dimension)s saknar kategorier.") % {"dimension": dimension_id}
        )
    index = category.get("index")
    labels = category.get("label") or {}
    if isinstance(index, list):
        codes = [str(code) for code in index]
    elif isinstance(index, dict):
        codes = [str(code) for code, _position in sorted(index.items(), key=lambda kv: kv[1])]
        if sorted(index.values()) != list(range(len(index))):
            raise UnreadableFile(
                _("Dimensionen %(dimension)s har en trasig kategoriordning.")
                % {"dimension": dimension_id}
            )
    elif isinstance(labels, dict) and len(labels) == 1:
        codes = [str(code) for code in labels]  # JSON-stat allows a lone category without index
    else:
        raise UnreadableFile(
            _("Dimensionen %(dimension)s saknar kategoriernas ordning (index).")
            % {"dimension": dimension_id}
        )
    return codes, {code: str(labels.get(code, code)).strip() for code in codes}


def read_dataset(document: object) -> tuple[pd.DataFrame, list[str], dict[str, str]]:
    """(frame, dimension ids, dimension labels). The frame has `<id>` (code) and `<id>_label`
    per dimension, `value` (float or None) and `status` (e.g. ".."), one row per cell in
    row-major order. Raises UnreadableFile naming what does not fit."""
    if not isinstance(document, dict) or document.get("class") != "dataset":
        raise UnreadableFile(_('Filen ska vara ett JSON-stat 2.0-dataset ("class": "dataset").'))
    if str(document.get("version", "")) != "2.0":
        raise UnreadableFile(_("Bara JSON-stat version 2.0 kan läsas."))
    ids, sizes, dimensions = document.get("id"), document.get("size"), document.get("dimension")
    if not (isinstance(ids, list) and isinstance(sizes, list) and isinstance(dimensions, dict)):
        raise UnreadableFile(_("JSON-stat-dokumentet saknar id, size eller dimension."))
    if len(ids) != len(sizes):
        raise UnreadableFile(
            _("id har %(ids)s dimensioner men size %(sizes)s.")
            % {"ids": len(ids), "sizes": len(sizes)}
        )
    codes, labels, names = [], {}, {}
    for dimension_id, size in zip(ids, sizes, strict=True):
        if dimension_id not in dimensions:
            raise UnreadableFile(
                _("Dimensionen %(dimension)s beskrivs inte under dimension.")
                % {"dimension": dimension_id}
            )
        dimension_codes, labels[dimension_id] = _categories(dimension_id, dimensions[dimension_id])
        if len(dimension_codes) != size:
            raise UnreadableFile(
                _("Dimensionen %(dimension)s har %(count)s kategorier men size säger %(size)s.")
                % {"dimension": dimension_id, "count": len(dimension_codes), "size": size}
            )
        codes.append(dimension_codes)
        names[dimension_id] = str(dimensions[dimension_id].get("label") or dimension_id)
    expected = math.prod(sizes)
    values = _values(document.get("value"), expected)
    status = _status(document.get("status"), expected)
    index = pd.MultiIndex.from_product(codes, names=ids)
    frame = index.to_frame(index=False)
    for dimension_id in ids:
        frame[f"{dimension_id}_label"] = frame[dimension_id].map(labels[dimension_id])
    frame["value"] = values
    frame["status"] = status
    frame.index = range(len(frame))  # the value's position in the document
    return frame, ids, names


def _values(raw: object, expected: int) -> list:
    if isinstance(raw, dict):  # sparse: {"position": value}
        values = [None] * expected
        for position, value in raw.items():
            if not str(position).isdigit() or int(position) >= expected:
                raise UnreadableFile(
                    _("Värdet på plats %(position)s ligger utanför tabellen (%(count)s värden).")
                    % {"position": position, "count": expected}
                )
            values[int(position)] = value
        return values
    if not isinstance(raw, list):
        raise UnreadableFile(_("JSON-stat-dokumentet saknar value."))
    if len(raw) != expected:
        raise UnreadableFile(
            _(
                "Antalet värden (%(count)s) stämmer inte med dimensionernas storlek "
                "(%(expected)s = produkten av size)."
            )
            % {"count": len(raw), "expected": expected}
        )
    return raw


def _status(raw: object, expected: int) -> list[str]:
    if raw is None:
        return [""] * expected
    if isinstance(raw, str):
        return [raw] * expected
    if isinstance(raw, list):
        if len(raw) != expected:
            raise UnreadableFile(_("status har inte ett värde per cell."))
        return ["" if value is None else str(value) for value in raw]
    if isinstance(raw, dict):
        status = [""] * expected
        for position, value in raw.items():
            if str(position).isdigit() and int(position) < expected:
                status[int(position)] = str(value)
        return status
    raise UnreadableFile(_("status ska vara en text, en lista eller ett objekt."))
