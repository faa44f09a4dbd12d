"""When staff change a category's visibility or name (Wagtail snippet), re-index its threads."""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from .indexing import category_changed
from .models import Category

INDEXED_FIELDS = ("visibility", "name")


@receiver(pre_save, sender=Category, dispatch_uid="forum-category-remember")
def remember_indexed_values(sender, instance: Category, **kwargs) -> None:
    previous = Category.objects.filter(pk=instance.pk).values(*INDEXED_FIELDS).first()
    instance._indexed_before = previous


@receiver(post_save, sender=Category, dispatch_uid="forum-category-reindex")
def reindex_when_visibility_changes(sender, instance: Category, created: bool, **kwargs) -> None:
    before = getattr(instance, "_indexed_before", None)
    if created or before is None:
        return
    if any(before[field] != getattr(instance, field) for field in INDEXED_FIELDS):
        category_changed(category=instance)
