"""Workers: the threads and processes that take queued jobs and run them.

A job is a run row (`ingestion_runs`) that starts `queued` (see
`mre_core.service.job_queue`): the service submits it, a worker claims it
and asks the service to run it, the same operation the CLI runs in the
foreground. The run table stays the one truth the CLI, the console and an
app read. On SQLite it is also the queue (`worker.RunTableWorker`); on
PostgreSQL procrastinate dispatches a job per queued run to the workers of
every machine (`procrastinate_app`). Arrows point down: workers call the
service, never the reverse.
"""
