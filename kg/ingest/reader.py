"""Reading a case-list document into plain text: UTF-8 text or Markdown as printed
(broken lines, stray spaces), Word .docx (python-docx) and PDF (pypdf).

Quotes in a draft must stand in the text `kg validate` reads, which is UTF-8 text:
a .docx or PDF is therefore drafted from its extracted text, which `write_draft`
saves beside the draft for the curator to put in the sources folder."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from kg.ingest.errors import IngestError
from kg.ingest.vocab import layout_patterns

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class SourceText:
    """A document's text, the format it came in, and the file name the draft cites."""

    path: Path
    text: str
    kind: str  # text | docx | pdf

    @property
    def file_name(self) -> str:
        """The name of the text file the draft's quotes stand in."""
        return self.path.name if self.kind == "text" else f"{self.path.stem}.txt"

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @property
    def digest(self) -> str:
        """SHA-256 of the UTF-8 text the draft cites."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def read_document(path: Path) -> SourceText:
    """The text of a case-list document; IngestError (naming file, line, case) when unreadable."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise IngestError(path, "no such file") from None
    except OSError as exc:
        raise IngestError(path, f"cannot read ({exc.strerror or exc})") from None
    suffix = path.suffix.lower()
    if suffix == ".docx" or raw.startswith(b"PK\x03\x04"):
        return SourceText(path, _clean(_docx_text(path)), "docx")
    if suffix == ".pdf" or raw.startswith(b"%PDF"):
        return SourceText(path, _clean(_pdf_text(path)), "pdf")
    return SourceText(path, _clean(decode_text(path, raw)), "text")


def _clean(text: str) -> str:
    """One line break convention; form feeds (page breaks) become line breaks."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").removeprefix("\ufeff")


def decode_text(path: Path, raw: bytes) -> str:
    """UTF-8 text, or an IngestError saying where the bytes stop being UTF-8 text."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError(path, "UTF-16 text; save it as UTF-8", line=1)
    if b"\x00" in raw:
        offset = raw.index(b"\x00")
        raise IngestError(path, "binary data (byte 0x00), not a text document", *_where(raw, offset))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = raw[exc.start : exc.start + 1].hex()
        message = f"not UTF-8 text (byte 0x{bad}); save it as UTF-8 (GBK or Big5 text is not read)"
        raise IngestError(path, message, *_where(raw, exc.start)) from None
    control = _CONTROL.search(text)
    if control:
        offset = len(text[: control.start()].encode("utf-8"))
        raise IngestError(
            path, f"binary data (control character {control.group()!r}), not a text document", *_where(raw, offset)
        )
    return text


def _where(raw: bytes, offset: int) -> tuple[int, str]:
    """The line of a byte offset, and the case it falls in (as far as the text before it tells)."""
    before = raw[:offset].decode("utf-8", errors="replace")
    line = before.count("\n") + 1
    heading = layout_patterns()["heading"]
    case = "before the first case"
    for text in before.split("\n"):
        match = heading.match(_bare(text))
        if match and not layout_patterns()["toc_leader"].search(text):
            case = f"in 案例{match['number']}"
    return line, case


def _bare(line: str) -> str:
    """A line without Markdown marks and spaces, for recognising headings and fields."""
    return re.sub(r"[\s*#>_]+", "", line)


def _docx_text(path: Path) -> str:
    """Paragraphs and table rows of a .docx, in document order, one a line."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:  # pragma: no cover - the dependency is declared
        raise IngestError(path, "reading .docx needs python-docx (pip install python-docx)") from None
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a broken package
        raise IngestError(path, f"not a readable Word .docx file ({type(exc).__name__})") from None
    lines = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                lines.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _pdf_text(path: Path) -> str:
    """The text layer of a PDF, page by page."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError:  # pragma: no cover - the dependency is declared
        raise IngestError(path, "reading PDF needs pypdf (pip install pypdf)") from None
    try:
        pages = [page.extract_text() or "" for page in PdfReader(str(path)).pages]
    except (PyPdfError, ValueError, KeyError, OSError) as exc:
        raise IngestError(path, f"not a readable PDF ({type(exc).__name__})") from None
    text = "\n".join(pages)
    if not text.strip():
        raise IngestError(path, "the PDF has no text layer (scanned pages need OCR first); no recognisable cases")
    return text
