"""Training recipes for the models shipped in nlp/models (run as `python -m nlp.train.<recipe>`)."""
