"""The cached data set: a reload lets the data set loaded before go (it is frozen out of garbage collection while loaded)."""

import gc
import os
import weakref

from app import loading
from turnover import paths


def test_a_data_set_replaced_by_a_reload_is_freed():
    data_dir, geo_dir = str(paths.data_dir()), str(paths.geo_dir())
    loading._cached_dataset.clear()
    loaded = loading._cached_dataset(data_dir=data_dir, geo_dir=geo_dir, signature=("before",))
    loaded.in_language("ru")  # as every Russian page does: the data set now refers to itself through its languages
    first = weakref.ref(loaded)
    del loaded
    loading._cached_dataset.clear()  # as when the cache lets an old signature's entry go
    loading._cached_dataset(data_dir=data_dir, geo_dir=geo_dir, signature=("after",))
    gc.collect()
    assert first() is None  # only the cycle collector frees it, and only if it is not frozen
    loading._cached_dataset.clear()


def test_a_run_lists_the_input_files_once_and_the_next_run_sees_a_saved_file(write_dataset, monkeypatch):
    data_dir, geo_dir = write_dataset()
    monkeypatch.setenv("TURNOVER_DATA_DIR", str(data_dir))
    monkeypatch.setenv("TURNOVER_GEO_DIR", str(geo_dir))
    listed = []
    read = loading._signature
    monkeypatch.setattr(loading, "_signature", lambda *folders: listed.append(folders) or read(*folders))
    loading.start_run()
    first = {loading.loaded(lang)[1] for lang in ("en", "ru", "en")}
    assert len(listed) == 1 and len(first) == 1  # every view of the run keys on the one signature read at its start
    figures = data_dir / "figures.csv"
    figures.write_text(figures.read_text(encoding="utf-8") + "RU-BRY,2024,12,turnover,1.1,USD,bn,exact,goods,,old-1,\n", encoding="utf-8")
    os.utime(figures, ns=(figures.stat().st_atime_ns, figures.stat().st_mtime_ns + 10**9))  # saved a second later
    assert loading.loaded()[1] in first  # still this run's
    loading.start_run()
    data, second = loading.loaded()
    assert second not in first and (data.figures["region"] == "RU-BRY").sum() == 2  # the next run reads the saved file
    loading._cached_dataset.clear()
