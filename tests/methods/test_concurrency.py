"""Counters stay exact when many members rate and mark a method at the same moment.

Runs on PostgreSQL (fails in CI on SQLite). It checks the end result under parallel load;
the race the row lock in methods.services.feedback guards against (the last writer recounting before
another transaction commits) is rare enough that this test alone does not prove the lock.
"""

import threading
from statistics import mean

import pytest
from django.db import connection

from methods.models import MethodPage
from methods.services.feedback import rate_method, set_used
from tests.factories import make_member

from .factories import make_method

PARALLEL = 8


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_feedback_keeps_counters_exact(require_postgres, method_bank):
    page = make_method()
    users = [make_member() for _ in range(PARALLEL)]
    scores = [1, 2, 3, 4, 5, 5, 4, 3]
    barrier = threading.Barrier(PARALLEL)
    errors: list[BaseException] = []

    def give_feedback(user, score):
        try:
            method = MethodPage.objects.get(pk=page.pk)
            barrier.wait(timeout=30)
            rate_method(user=user, method=method, score=score)
            set_used(user=user, method=method)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=give_feedback, args=pair)
        for pair in zip(users, scores, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    page.refresh_from_db()
    assert page.rating_count == PARALLEL
    assert page.rating_average == round(mean(scores), 2)
    assert page.use_count == PARALLEL
