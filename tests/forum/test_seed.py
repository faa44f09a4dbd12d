import io

import pytest

from forum import seed
from forum.models import Category, Post, Report, Thread, Visibility
from syvsite.core.seed import seed_users

pytestmark = pytest.mark.django_db


def test_seed_creates_categories_and_discussions_and_is_idempotent():
    seed_users(stdout=io.StringIO())
    seed.run(stdout=io.StringIO())
    counts = (Category.objects.count(), Thread.objects.count(), Post.objects.count())
    assert counts[0] == 6 and counts[1] >= 8 and counts[2] >= 25
    assert Category.objects.get(slug="medlemsrummet").visibility == Visibility.MEMBERS
    assert Report.objects.filter(resolved_at__isnull=True).count() == 1
    thread = Thread.objects.get(title="Prao i åk 8 – hur får ni ihop platserna?")
    assert thread.reply_count == 3 and thread.last_post.author.first_name == "Sam"
    assert thread.posts.order_by("created_at").first().created_at < thread.last_post_at

    seed.run(stdout=io.StringIO())
    assert (Category.objects.count(), Thread.objects.count(), Post.objects.count()) == counts
