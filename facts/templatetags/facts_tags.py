"""Links from other apps' templates to the facts bank: a method's "Underlag", REKAS's sources."""

from django import template

from ..selectors import facts_for_method, rekas_sources

register = template.Library()


@register.simple_tag
def method_facts(method):
    """The live entries a method builds on (empty for an unsaved draft)."""
    return list(facts_for_method(method)) if method.pk else []


@register.simple_tag
def statistics_sources():
    """The live statistics sources marked as used by REKAS."""
    return rekas_sources()
