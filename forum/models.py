"""Forum data: categories, threads, posts, and what moderation and subscriptions need.

Authors are `SET_NULL`: when an account is deleted its posts stay and are shown as by
"borttagen användare".
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Alla (öppen)")
    MEMBERS = "members", _("Endast medlemmar")


# Words the forum's own URLs use right after /forum/; a category cannot take them as slug.
RESERVED_SLUGS = frozenset({"moderering", "trad", "inlagg", "mitt-forum", "avsluta-prenumeration"})


class Category(models.Model):
    name = models.CharField(_("namn"), max_length=80, unique=True)
    slug = models.SlugField(
        _("adress"),
        max_length=80,
        unique=True,
        help_text=_(
            "Används i adressen: /forum/<adress>/. Små bokstäver, siffror och bindestreck."
        ),
    )
    description = models.TextField(_("beskrivning"), max_length=500, blank=True)
    visibility = models.CharField(
        _("synlighet"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
        help_text=_("Kategorier för endast medlemmar syns inte för besökare, i sök eller i API:t."),
    )
    position = models.PositiveIntegerField(_("ordning"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("forumkategori")
        verbose_name_plural = _("forumkategorier")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forum:category", args=[self.slug])

    def clean(self) -> None:
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {
                    "slug": _("Adressen „%(slug)s“ används redan av forumet. Välj en annan.")
                    % {"slug": self.slug}
                }
            )

    @property
    def is_members_only(self) -> bool:
        return self.visibility == Visibility.MEMBERS


class Status(models.TextChoices):
    PUBLISHED = "published", _("Publicerad")
    PENDING = "pending", _("Väntar på granskning")
    HIDDEN = "hidden", _("Dold av moderator")
    DELETED = "deleted", _("Borttagen")


class Thread(models.Model):
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="threads", verbose_name=_("kategori")
    )
    title = models.CharField(_("rubrik"), max_length=150)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_threads",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PUBLISHED)
    is_locked = models.BooleanField(_("låst"), default=False)
    is_pinned = models.BooleanField(_("fäst"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # Kept up to date by services.refresh_thread() so listings need no aggregation.
    last_post = models.ForeignKey(
        "Post", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    last_post_at = models.DateTimeField(null=True, blank=True, db_index=True)
    reply_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-is_pinned", "-last_post_at"]
        verbose_name = _("tråd")
        verbose_name_plural = _("trådar")
        indexes = [models.Index(fields=["category", "status", "-is_pinned", "-last_post_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forum:thread", args=[self.pk, self.slug])

    @property
    def slug(self) -> str:
        return slugify(self.title)[:60] or "trad"


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_posts",
    )
    is_opening = models.BooleanField(default=False)
    body_markdown = models.TextField(_("text"))
    body_html = models.TextField(editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PUBLISHED)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    # Kept for moderation and purged after FORUM_IP_RETENTION_DAYS (forum_purge_ips).
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("inlägg")
        verbose_name_plural = _("inlägg")
        indexes = [
            models.Index(fields=["thread", "status", "created_at"]),
            models.Index(fields=["author", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} i {self.thread}"

    def get_absolute_url(self) -> str:
        return reverse("forum:post", args=[self.pk])


class ReadMarker(models.Model):
    """The newest post a user has seen in a thread: posts after it are unread."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="read_markers")
    last_read_post_id = models.BigIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="forum_one_marker_per_thread")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.thread_id}: {self.last_read_post_id}"


class Subscription(models.Model):
    """Following a thread or a whole category (exactly one of them)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_subscriptions"
    )
    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, null=True, blank=True, related_name="subscriptions"
    )
    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, null=True, blank=True, related_name="subscriptions"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(Q(thread__isnull=False) & Q(category__isnull=True))
                | (Q(thread__isnull=True) & Q(category__isnull=False)),
                name="forum_subscription_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "thread"],
                condition=Q(thread__isnull=False),
                name="forum_one_thread_subscription",
            ),
            models.UniqueConstraint(
                fields=["user", "category"],
                condition=Q(category__isnull=False),
                name="forum_one_category_subscription",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} följer {self.target}"

    @property
    def target(self) -> Thread | Category:
        return self.thread or self.category


class NotificationEvent(models.Model):
    """A new post someone should hear about; mailed in batches, one mail per thread."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "post"], name="forum_one_event_per_post")
        ]
        indexes = [models.Index(fields=["user", "thread", "sent_at"])]

    def __str__(self) -> str:
        return f"Inlägg {self.post_id} till {self.user_id}"


class Report(models.Model):
    class Reason(models.TextChoices):
        OFFENSIVE = "offensive", _("Kränkande eller olämpligt")
        PERSONAL_DATA = "personal_data", _("Innehåller personuppgifter om elever eller andra")
        SPAM = "spam", _("Reklam eller spam")
        WRONG_PLACE = "wrong_place", _("Fel kategori eller dubblett")
        OTHER = "other", _("Annat")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.CharField(_("anledning"), max_length=20, choices=Reason.choices)
    message = models.TextField(_("beskrivning"), max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"Anmälan av inlägg {self.post_id} ({self.reason})"


class Suspension(models.Model):
    """The user may read but not post until `ends_at` (or until a moderator lifts it)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_suspensions"
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    reason = models.TextField(max_length=1000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return f"Avstängning av {self.user_id} till {self.ends_at:%Y-%m-%d}"


class ModerationAction(models.TextChoices):
    APPROVE = "approve", _("Godkände inlägg")
    REJECT = "reject", _("Avslog inlägg")
    HIDE_POST = "hide_post", _("Dolde inlägg")
    RESTORE_POST = "restore_post", _("Återställde inlägg")
    HIDE_THREAD = "hide_thread", _("Dolde tråd")
    RESTORE_THREAD = "restore_thread", _("Återställde tråd")
    LOCK = "lock", _("Låste tråd")
    UNLOCK = "unlock", _("Låste upp tråd")
    PIN = "pin", _("Fäste tråd")
    UNPIN = "unpin", _("Lossade tråd")
    MOVE = "move", _("Flyttade tråd")
    SUSPEND = "suspend", _("Stängde av användare")
    LIFT_SUSPENSION = "lift", _("Hävde avstängning")
    DISMISS_REPORTS = "dismiss", _("Avfärdade anmälningar")


class ModerationLogEntry(models.Model):
    """Who did what to which post, thread or user, when and why. Never edited."""

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(max_length=20, choices=ModerationAction.choices)
    thread = models.ForeignKey(
        Thread, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    post = models.ForeignKey(
        Post, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    target_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(blank=True)
    details = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.created_at:%Y-%m-%d %H:%M}"
