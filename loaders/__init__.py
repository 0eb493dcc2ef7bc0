"""Reading documents and turning them into extraction records and RDF.

>>> from loaders import document_from_text, extract, facts_view
>>> facts_view(extract(document_from_text("扬州市报告。扬州市深化“一网通办”。", name="a.txt")))["programmes"][0]["name"]
'一网通办'
"""

import re

from loaders.documents import DocumentError, document_from_text, read_document
from loaders.extract import extract
from loaders.facts import facts_view
from loaders.gazetteer import load_gazetteer
from loaders.rdf import document_quads, vocabulary_graphs

# The finders write their patterns inline (re.search(r"…", text)), about 850 distinct ones over a
# document, and Python keeps only 512 compiled patterns: past that each was compiled again for every
# document, 0.5 s of the 3.2 s the dev corpus took. A larger cache keeps them all compiled once.
re._MAXCACHE = max(getattr(re, "_MAXCACHE", 0), 4096)  # type: ignore[attr-defined]

__all__ = [
    "DocumentError",
    "document_from_text",
    "document_quads",
    "extract",
    "facts_view",
    "load_gazetteer",
    "read_document",
    "vocabulary_graphs",
]
