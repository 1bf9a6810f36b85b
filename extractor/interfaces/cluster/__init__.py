"""`chiso batch --engine dask`: the batch on a dask.distributed cluster — a LocalCluster on
this machine, or an existing scheduler. The client plans the input's partitions (shards)
without holding the corpus; each worker reads its own shard, warms up once, and returns
one JSON line per article; the client writes each partition's part as it arrives, so a
stopped run keeps what is done and `--resume` skips it. dask and pyarrow are the
`cluster` extra: nothing here is imported unless that engine is asked for."""
