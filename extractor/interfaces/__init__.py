"""Where people meet chiso, apart from the pipeline: the HTTP API and its web page,
the static HTML report, CSV export and the spaCy component."""
