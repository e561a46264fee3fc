"""Values worked out once per object and found again by the object's identity.

The app hands the same objects to every rerun (a boundary collection loaded once, a cached view); what is derived
from them is kept here under the object's ``id``. Such objects cannot be dictionary keys (a dict) or would cost a
hash of their whole content. An entry is dropped when its object is collected (objects that take weak references,
such as a view) or, for the others, kept with its object, so an ``id`` is never taken by a new object while its
entry lives; the table is emptied when it reaches ``most`` entries (tests make many small objects, the app a few).
"""

import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

Obj = TypeVar("Obj")
Value = TypeVar("Value")


class PerObject(Generic[Obj, Value]):
    """``make(obj)`` worked out once per live object: ``per_object(obj)``."""

    def __init__(self, make: Callable[[Obj], Value], most: int):
        self._make, self._most = make, most
        self._held: dict[int, tuple[object, Value]] = {}  # id -> (a weak reference to the object, or the object; value)

    def __call__(self, obj: Obj) -> Value:
        key = id(obj)
        held = self._held.get(key)
        if held is not None:  # its object is this one: an entry lives exactly as long as its object
            return held[1]
        if len(self._held) >= self._most:
            self._held.clear()
        value = self._make(obj)
        self._held[key] = (self._reference(obj, key), value)
        return value

    def __contains__(self, obj: Obj) -> bool:
        return id(obj) in self._held

    def cache_clear(self) -> None:
        """Forget every value, as a ``functools`` cache does (a mutation run clears the package's caches, tests/conftest.py)."""
        self._held.clear()

    def held_ids(self) -> set[int]:
        """The ids of the objects whose values are held (for tests of what is forgotten)."""
        return set(self._held)

    def _reference(self, obj: Obj, key: int) -> object:
        """A weak reference that drops the entry when the object is collected; the object itself when it takes none
        (a dict): then it lives while its entry does, and its id cannot go to another object."""
        try:
            return weakref.ref(obj, lambda _, key=key: self._held.pop(key, None))
        except TypeError:
            return obj
