"""ui: the `saual` command line (ui.cli) and the Streamlit explorer (ui/app)."""
