"""An inquiry taken apart: addressee, signatories and the answer's due date (registered extractors)."""

from .addressee import extract_addressee
from .deadline import ResponseTerm, response_due, response_term
from .reply_points import defers, point_number
from .reply_ref import extract_reply_to, reply_reference
from .signatories import extract_signatories

__all__ = ["ResponseTerm", "defers", "extract_addressee", "extract_reply_to", "extract_signatories", "point_number",
           "reply_reference", "response_due", "response_term"]
