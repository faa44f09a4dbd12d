"""Factories for the facts bank's tests."""

from facts.models import FactIndexPage, FactPage
from methods.models import TargetGroup, Theme


def fact_index() -> FactIndexPage:
    return FactIndexPage.objects.get()


def make_fact(
    *,
    title: str = "Framtidsval – karriärvägledning för individ och samhälle",
    slug: str | None = None,
    kind: str = "utredning",
    summary: str = "Betänkandet föreslår att vägledning ska heta karriärvägledning.",
    themes: tuple[str, ...] = ("utbildnings-och-yrkesval",),
    target_groups: tuple[str, ...] = ("grundskola-7-9",),
    methods: tuple = (),
    live: bool = True,
    **fields,
) -> FactPage:
    """A published entry under /fakta/ (a draft when live=False)."""
    page = FactPage(title=title, slug=slug or _slug(title), kind=kind, summary=summary, **fields)
    page.themes = list(Theme.objects.filter(slug__in=themes))
    page.target_groups = list(TargetGroup.objects.filter(slug__in=target_groups))
    page.methods = list(methods)
    page.clean_fact_fields()
    page.live = False
    fact_index().add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
        page.refresh_from_db()
    return page


def _slug(title: str) -> str:
    from django.utils.text import slugify

    return slugify(title.lower().translate(str.maketrans("åäö", "aao")))[:60] or "fakta"
