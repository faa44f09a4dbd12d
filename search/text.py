"""Plain text for documents: what a domain's `to_document` puts in `body`."""

from __future__ import annotations


def stream_text(stream) -> str:
    """The words of a Wagtail StreamField, as Wagtail's own search sees them (no markup)."""
    parts: list[str] = []
    for child in stream:
        parts += [str(text) for text in child.block.get_searchable_content(child.value)]
    return "\n".join(part for part in parts if part)


def joined(*parts) -> str:
    """Non-empty parts, one per line (None and "" left out)."""
    return "\n".join(str(part) for part in parts if part)
