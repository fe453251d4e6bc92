"""Interface date and number formats where Django ships none (FORMAT_MODULE_PATH).

Django has no formats for Kazakh, so /kk/ pages fell back to the American defaults
("Nov. 25, 2026", "11/28/2026 3:37 p.m."). Official dates in documents never come from here:
they come from `cica_docs.languages`.
"""
