"""Keep the activity index and editor groups in step with the page tree."""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import GuidancePlanPage
from .services.activities import rebuild_plan_activities, remove_plan_activities


@receiver(page_published, sender=GuidancePlanPage)
def plan_published(sender, instance, **kwargs):
    rebuild_plan_activities(plan=instance)


@receiver(page_unpublished, sender=GuidancePlanPage)
def plan_unpublished(sender, instance, **kwargs):
    remove_plan_activities(plan_id=instance.pk)


@receiver(post_page_move)
def plan_moved(sender, instance, **kwargs):
    """A plan moved to another municipality's section belongs to that municipality now."""
    if not isinstance(instance.specific_deferred, GuidancePlanPage):
        return
    plan = GuidancePlanPage.objects.get(pk=instance.pk)
    plan.derive_municipality()
    GuidancePlanPage.objects.filter(pk=plan.pk).update(municipality_id=plan.municipality_id)
    rebuild_plan_activities(plan=plan)
