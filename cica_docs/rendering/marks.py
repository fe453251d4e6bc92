"""Words printed across a draft's pages, in each copy's language (data, not interface
gettext): every kind's print marks its drafts with them."""

DRAFT_MARKS = {"en": "DRAFT", "ru": "ПРОЕКТ", "kk": "ЖОБА"}
