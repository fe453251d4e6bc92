"""A demo letter in the Secretariat's register: the Secretary General's congratulations to
the host country on its national day (a new text), approved and waiting for the registrar
to issue it. Approved, not issued: a letter to one minister is not for the demo's
circulation to every member state (circulation/demo.py dispatches what is issued). In no
series: CICA/SG is a real register (letters 0002), and the demo takes no number from one."""

from cica_docs.accounts.demo_records import demo_object, demo_remember
from cica_docs.documents import services
from cica_docs.documents.kinds import get_kind

from .models import Letter

KEY = "letter:republic-day-2026"
TITLE = {"en": "Congratulations on Republic Day", "ru": "Поздравление с Днем Республики",
         "kk": "Республика күнімен құттықтау"}
ADDRESSEE = {
    "en": "His Excellency\nthe Minister of Foreign Affairs\nof the Republic of Kazakhstan\n"
          "Astana",
    "ru": "Его Превосходительству\nМинистру иностранных дел\nРеспублики Казахстан\nг. Астана",
    "kk": "Қазақстан Республикасының\nСыртқы істер министрі\nҰлы мәртебелі мырзаға\n"
          "Астана қаласы",
}
BODY = {
    "en": "I have the honour to extend to you, and through you to the Government and the "
          "people of the Republic of Kazakhstan, my warmest congratulations on the occasion "
          "of Republic Day.\n\n"
          "Kazakhstan, which initiated the Conference on Interaction and Confidence Building "
          "Measures in Asia, has guided the work of the CICA since its first days. The "
          "Secretariat highly values the support the host country gives to its work in "
          "Astana.\n\n"
          "I wish you good health and every success, and the people of Kazakhstan peace and "
          "prosperity.",
    "ru": "Имею честь сердечно поздравить Вас, а в Вашем лице Правительство и народ "
          "Республики Казахстан с Днем Республики.\n\n"
          "Казахстан, выступивший инициатором Совещания по взаимодействию и мерам доверия в "
          "Азии, направляет работу СВМДА с первых дней. Секретариат высоко ценит поддержку, "
          "которую страна пребывания оказывает его работе в Астане.\n\n"
          "Желаю Вам крепкого здоровья и успехов, а народу Казахстана - мира и процветания.",
    "kk": "Сізді, Сіз арқылы Қазақстан Республикасының Үкіметі мен халқын Республика "
          "күнімен шын жүректен құттықтауды өзіме мәртебе санаймын.\n\n"
          "Азиядағы өзара іс-қимыл және сенім шаралары кеңесінің бастамашысы болған "
          "Қазақстан Азия Кеңесінің жұмысына алғашқы күндерінен бастап бағыт беріп келеді. "
          "Хатшылық қабылдаушы елдің Астанадағы жұмысымызға көрсетіп отырған қолдауын "
          "жоғары бағалайды.\n\n"
          "Сізге зор денсаулық пен табыс, Қазақстан халқына бейбітшілік пен өркендеу "
          "тілеймін.",
}


def load(*, users) -> None:
    if demo_object(KEY, Letter) is not None:
        return
    letter = services.document_create(kind=get_kind("letter"), author=users["drafter"], content={
        "title": dict(TITLE),
        "fields": {"addressee_block": dict(ADDRESSEE), "body": dict(BODY)},
        "plain": {"salutation": None, "closing": True, "complimentary_close": None,
                  "signatory": None},
        "languages": ["en", "ru", "kk"],
        "series": None,
        "enclosures": [],
    })
    demo_remember(KEY, letter)
    for action, role in (("submit", "drafter"), ("approve", "reviewer")):
        services.document_transition(document=letter, action=action, by=users[role],
                                     acknowledge_warnings=True)
