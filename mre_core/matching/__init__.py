"""Matching the app's users to the drivers of ingested events (step 9 of deep ingestion)."""
