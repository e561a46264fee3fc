"""The cached data set: a reload lets the data set loaded before go (it is frozen out of garbage collection while loaded)."""

import gc
import weakref

from app import loading
from turnover import paths


def test_a_data_set_replaced_by_a_reload_is_freed():
    data_dir, geo_dir = str(paths.data_dir()), str(paths.geo_dir())
    loading._cached_dataset.clear()
    loaded = loading._cached_dataset(data_dir, geo_dir, ("before",))
    loaded.in_language("ru")  # as every Russian page does: the data set now refers to itself through its languages
    first = weakref.ref(loaded)
    del loaded
    loading._cached_dataset.clear()  # as when the cache lets an old signature's entry go
    loading._cached_dataset(data_dir, geo_dir, ("after",))
    gc.collect()
    assert first() is None  # only the cycle collector frees it, and only if it is not frozen
    loading._cached_dataset.clear()
