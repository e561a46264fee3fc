"""Values worked out once per object (a boundary collection, a view), never handed to another object."""

import gc

from turnover.per_object import PerObject


def _counting():
    """A PerObject whose values count the calls of ``make`` (which keeps no reference to the objects)."""
    calls = []
    return calls, PerObject(lambda obj: calls.append(None) or len(calls), most=8)


def test_a_value_is_worked_out_once_per_object_and_equal_objects_get_their_own():
    calls, per_object = _counting()
    first, twin = {"features": [1]}, {"features": [1]}
    assert per_object(first) == per_object(first) == 1
    assert per_object(twin) == 2
    assert len(calls) == 2


def test_a_new_object_never_gets_the_value_of_one_that_is_gone():
    calls, per_object = _counting()
    values = []
    for n in range(20):  # dicts freed at once would hand their id to the next one
        values.append(per_object({"n": n}))
    assert values == list(range(1, 21))


class View:
    """A stand-in for a cached view (takes weak references)."""


def test_an_object_that_is_collected_takes_its_value_with_it():
    _, per_object = _counting()
    kept, dropped = View(), View()
    per_object(kept), per_object(dropped)
    key = id(dropped)
    del dropped
    gc.collect()
    assert key not in per_object.held_ids()
    assert kept in per_object


def test_the_table_is_emptied_when_full_and_fills_again():
    calls, per_object = _counting()
    held = [{"n": n} for n in range(9)]
    for obj in held:
        per_object(obj)
    assert len(per_object.held_ids()) == 1  # the ninth found eight held: the table was emptied first
    assert per_object(held[0]) == 10  # worked out again, not lost or mixed up


def test_cleared_values_are_worked_out_again():
    """A mutation run clears the package's caches so a value made by the unmutated code cannot hide a mutant."""
    calls, per_object = _counting()
    obj = {"features": [1]}
    assert per_object(obj) == 1
    per_object.cache_clear()
    assert obj not in per_object and per_object(obj) == 2
