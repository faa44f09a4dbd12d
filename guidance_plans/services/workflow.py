"""The moderation workflow every plan passes before it is published.

Editors ("Kommunredaktör – <kommun>") lack publish permission, so their only way to publish
is "Skicka för granskning". Members of the role group "Moderator" approve or reject; an
administrator (superuser) can both approve and publish directly.

Wagtail publishes an approved revision as the approving user, so moderators hold
`publish_page` on the plans' index page (and nothing else there): they can approve, preview
drafts and unpublish, but not edit or create plans.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from syvsite.accounts.roles import Role

from ..constants import PLAN_REVIEW_TASK_NAME, PLAN_WORKFLOW_NAME


@transaction.atomic
def ensure_plan_workflow(*, index_page: Page) -> Workflow:
    """The review workflow, assigned to the plans' index page (and so to every plan under it)."""
    workflow, _ = Workflow.objects.get_or_create(name=PLAN_WORKFLOW_NAME)
    task = GroupApprovalTask.objects.filter(name=PLAN_REVIEW_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=PLAN_REVIEW_TASK_NAME)
    moderators, _ = Group.objects.get_or_create(name=str(Role.MODERATOR))
    task.groups.add(moderators)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=index_page, defaults={"workflow": workflow})
    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    GroupPagePermission.objects.get_or_create(group=moderators, page=index_page, permission=publish)
    return workflow
