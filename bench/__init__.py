"""`python -m bench`: how fast mre ingests a national event, measured against floors.

Run from the repository root (it imports the LiveRC site generator from
`tests.liverc_site`). Everything is generated and served on loopback, so a
fresh clone measures the same inputs offline. Results of a full run, and
what was changed to meet the targets, are in bench/RESULTS.md.

Modules, one job each:

- `inputs`: the large event and the track catalogue, built and served;
- `measure`: clocks, medians, peak memory, child processes;
- `databases`: a fresh SQLite file or a throwaway PostgreSQL schema;
- `parse`, `write`, `e2e`, `replay`, `latency`: one measurement each;
- `memory_connector`: a connector serving records parsed beforehand (the
  write measurement, without HTTP or parsing);
- `child`: runs one measurement's body in a process of its own;
- `report`: targets, the table and the JSON object.

`matching.py` and `matching_setup.py` are the user-matching benchmark
(`python -m bench.matching`), separate from this one.
"""
