"""Long texts made on the spot for the benchmark and the tests: the same every time (a fixed
seed), nothing downloaded, nothing stored."""

import random
from dataclasses import dataclass, field

_VOCABULARY = (
    "the member states confirm their commitment to dialogue confidence building measures "
    "in Asia security cooperation economic dimension environmental human trafficking "
    "counter terrorism new challenges threats secretariat conference ministers foreign "
    "affairs meeting senior officials committee working group special report concept paper "
    "implementation plan of action priority area coordinator partner observer regional "
    "sustainable development energy food water transport connectivity digital technology "
    "information communication youth education culture tourism health pandemic emergency "
    "disaster management agreed decided recommended welcomed noted took into account "
    "proposal initiative declaration statement resolution session chair vice deputy "
    "executive director programme budget annual biennial review consultations framework"
)
_WORDS = _VOCABULARY.split()


@dataclass
class PaperRevisions:
    """Two revisions of a paper and what changed between them, word by word."""

    old: str
    new: str
    deleted: list = field(default_factory=list)  # sentences taken out
    inserted: list = field(default_factory=list)  # sentences put in
    replaced: list = field(default_factory=list)  # (old word, new word)


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + rng.choice(".;.:.")


def long_paper_revisions(words: int = 8500, seed: int = 14) -> PaperRevisions:
    """A concept paper of about `words` words in paragraphs, and a second revision where
    every tenth sentence is revised: a word replaced, the sentence deleted, or one inserted
    after it (each edit a unique marker word, so a test can find it)."""
    rng = random.Random(seed)
    sentences = []
    count = 0
    while count < words:
        length = rng.randint(12, 30)
        sentences.append(_sentence(rng, length))
        count += length
    revision = PaperRevisions(old="", new="")
    old, new = [], []
    for first in range(0, len(sentences), 6):  # paragraphs of six sentences
        old.append(sentences[first:first + 6])
        new.append([])
        for position, sentence in enumerate(old[-1], start=first):
            new[-1].extend(_revise(rng, revision, position, sentence))
    revision.old, revision.new = (
        "\n\n".join(" ".join(paragraph) for paragraph in text) for text in (old, new)
    )
    return revision


def _revise(rng, revision, position, sentence) -> list:
    if position % 10 != 5:
        return [sentence]
    edit = (position // 10) % 3
    if edit == 0:
        tokens = sentence.split(" ")
        at = len(tokens) // 2
        marker = f"amended{position}"
        revision.replaced.append((tokens[at], marker))
        tokens[at] = marker
        return [" ".join(tokens)]
    if edit == 1:
        revision.deleted.append(sentence)
        return []
    added = f"Inserted{position} " + _sentence(rng, 15)
    revision.inserted.append(added)
    return [sentence, added]
