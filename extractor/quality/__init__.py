"""The team's tools, apart from the runtime: nothing in chiso imports this package.

`evaluate` scores against gold (chiso eval); `review` and `review_records` replay hand
judgements of ✗ flags and of sampled records (chiso review); `bench` and `bench_server`
measure speed against underthesea and the server under load; `hostile` and `fuzz` feed
hostile and random input; `docs` writes the README's generated parts (make readme).
The team's commands reach the CLI through the `chiso.commands` entry points."""
