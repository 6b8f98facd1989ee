"""Language data of corpus: query-side ending lists for the search stemmer (see corpus/text.py)."""
