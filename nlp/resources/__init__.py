"""Language data files of nlp (TSV, one concept per file, `<concept>_<lang>.tsv`); read by nlp.lang."""
