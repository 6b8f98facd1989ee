"""The Streamlit explorer: Search, Document and Documents pages over the stored corpus (run main.py)."""
