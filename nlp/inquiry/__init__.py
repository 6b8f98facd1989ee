"""An inquiry taken apart: addressee, signatories and the answer's due date (registered extractors)."""

from .addressee import extract_addressee
from .deadline import ResponseTerm, response_due, response_term
from .signatories import extract_signatories

__all__ = ["ResponseTerm", "extract_addressee", "extract_signatories", "response_due", "response_term"]
