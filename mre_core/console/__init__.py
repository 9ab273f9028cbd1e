"""The admin console: a JSON API (`api/`) and pages (`pages/`) on one FastAPI app.

Both go through the `IngestionService` the app was made with and nothing
else: the web layer never opens the database or calls a connector itself.
`create_app` (in `app`) builds it; `mre serve` runs it on uvicorn.
"""
