"""The Dask recipe of docs/mining.md, run on a real local Dask cluster, equals the serial run."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest
from sample_speeches import copy_samples

from drafter.bank.load import builtin_bank_dir
from drafter.miner.aggregate import Tally, combine, combine_tree, finalize
from drafter.miner.mine import mine_lines, mine_paths
from drafter.miner.read import SourceFile, find_sources, read_lines

FIXTURES = Path(__file__).parent / "fixtures" / "corpus-more"


def tally_partition(sources: Iterable[SourceFile]) -> Tally:
    tally = Tally()
    for source in sources:
        tally.add(mine_lines(read_lines(source), source.name))
    return tally


def test_dask_tree_reduction_on_a_local_cluster_equals_the_serial_run(tmp_path: Path) -> None:
    bag = pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("dask.distributed")
    corpus = copy_samples(tmp_path / "samples")
    sources = find_sources([corpus], lambda message: None)
    serial = finalize(mine_paths([corpus], warn=lambda message: None).tally)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        tally = (
            bag.from_sequence(sources, npartitions=len(sources))
            .reduction(tally_partition, combine, split_every=2)
            .compute()
        )
    assert tally.documents == len(sources)
    assert finalize(tally) == serial


def test_tree_combine_equals_any_fold() -> None:
    sources = find_sources([builtin_bank_dir() / "corpus", FIXTURES], lambda message: None)
    tallies = [tally_partition([s]) for s in sources if s.path.suffix == ".txt"]
    assert finalize(combine_tree(tallies, fan_in=3)) == finalize(combine(tallies))
    assert finalize(combine_tree(list(reversed(tallies)))) == finalize(combine(tallies))
