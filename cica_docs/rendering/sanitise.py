"""Rewriting an uploaded PDF without anything that acts: what is stored, merged into packages
and downloaded by delegates is this rewrite, never the file as it arrived (SECURITY.md 14).

A PDF can make a reader do things besides showing pages: open a web address or a file on
a Windows share when it is opened (`/OpenAction`), when a page is shown or closed (`/AA`,
"additional actions"), or when a link is clicked (`/URI`, `/GoToR` to
`\\\\host\\share\\p.pdf`, which hands the reader's Windows credentials to that host,
`/Launch`, `/Named` viewer commands…). The rewrite keeps exactly one kind of action, the
plain internal link (`/GoTo`, or a `/Dest`, to a page of the same file), and removes every
other action, every additional action, the document's scripts and embedded files, XFA
forms, and annotations that play or carry something (sound, movie, file attachment, 3D,
rich media). Objects that nothing refers to any more are not written (qpdf writes only
what the trailer reaches).

Runs inside the forked, time-limited child that reads the upload
(`rendering.inspect.inspect_pdf`), on a `pikepdf.Pdf` that the child opened.
"""

import io

import pikepdf
from pikepdf import Array, Dictionary, Name

# Annotations that carry or play content of their own rather than mark the page.
ACTING_ANNOTATIONS = {"/FileAttachment", "/Sound", "/Movie", "/Screen", "/RichMedia", "/3D"}
KEPT_IN_REMOVED = {"/Type", "/Subtype", "/Rect", "/P", "/StructParent"}
# Keys of the document catalog that act or carry files: removed whatever their value.
CATALOG_KEYS = ("/OpenAction", "/AA", "/URI", "/Collection")
NAME_TREES = ("/JavaScript", "/EmbeddedFiles", "/AlternatePresentations")


def sanitise(pdf: pikepdf.Pdf, objects) -> list[str]:
    """Remove, in place, everything that acts; return what was removed (codes, sorted, one
    per kind: "action:/URI", "open action", "additional actions", "annotation:/Sound", …).
    `objects` are the PDF's dictionaries, each once (`rendering.inspect.dictionaries`)."""
    removed: set[str] = set()
    root = pdf.Root
    for key in CATALOG_KEYS:
        if key in root:
            removed.add("open action" if key == "/OpenAction" else f"catalog:{key}")
            del root[key]
    names = root.get("/Names")
    if isinstance(names, Dictionary):
        for key in NAME_TREES:
            if key in names:
                removed.add(f"names:{key}")
                del names[key]
    form = root.get("/AcroForm")
    if isinstance(form, Dictionary) and "/XFA" in form:
        removed.add("xfa")
        del form["/XFA"]
    for obj in objects:
        if "/AA" in obj:
            removed.add("additional actions")
            del obj["/AA"]
        if "/PA" in obj and obj.get("/Subtype") == Name.Link:  # the link's former action
            removed.add("action:/PA")
            del obj["/PA"]
        action = obj.get("/A")
        if isinstance(action, Dictionary) and "/S" in action:  # not a structure attribute
            kind = str(action.get("/S"))
            if kind == "/GoTo" and _internal(action.get("/D")):
                if "/Next" in action:  # a chain: only the internal jump stays
                    removed.add("action:/Next")
                    del action["/Next"]
            else:
                removed.add(f"action:{kind}")
                del obj["/A"]
    for page in pdf.pages:
        annotations = page.obj.get("/Annots")
        if not isinstance(annotations, Array):
            continue
        kept = Array()
        for annotation in annotations:
            subtype = str(annotation.get("/Subtype", "")) if isinstance(
                annotation, Dictionary) else ""
            if subtype in ACTING_ANNOTATIONS:
                removed.add(f"annotation:{subtype}")
                _empty(annotation)  # it may still be reached (from the structure tree)
            elif subtype == "/Link" and "/A" not in annotation and not _internal(
                    annotation.get("/Dest")):
                removed.add("annotation:/Link")  # a link whose action went: nothing left
            else:
                kept.append(annotation)
        if len(kept) != len(annotations):
            page.obj["/Annots"] = kept
    return sorted(removed)


def _empty(annotation) -> None:
    """Leave only what places an annotation: what it plays or carries is not written."""
    for key in list(annotation.keys()):
        if key not in KEPT_IN_REMOVED:
            del annotation[key]


def _internal(destination) -> bool:
    """A destination inside this file: a page array, or a name looked up in the file's own
    destinations (a string or a name)."""
    if isinstance(destination, Array):
        return len(destination) > 0 and isinstance(destination[0], Dictionary)
    return isinstance(destination, (Name, pikepdf.String))


def written(pdf: pikepdf.Pdf) -> bytes:
    """The PDF as qpdf writes it: only the objects still reached, and the same bytes for the
    same input (the file identifier is derived from the content)."""
    buffer = io.BytesIO()
    pdf.save(buffer, deterministic_id=True)
    return buffer.getvalue()
