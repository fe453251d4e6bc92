from django.db import migrations

# The 28 CICA member states (Kuwait the 28th, October 2022): code, then short and full
# names in English, Russian and Kazakh.
MEMBER_STATES = [
    ("AFG", "Afghanistan", "Afghanistan", "Афганистан", "Афганистан", "Ауғанстан", "Ауғанстан"),
    ("AZE", "Azerbaijan", "Republic of Azerbaijan", "Азербайджан", "Азербайджанская Республика",
     "Әзербайжан", "Әзербайжан Республикасы"),
    ("BHR", "Bahrain", "Kingdom of Bahrain", "Бахрейн", "Королевство Бахрейн",
     "Бахрейн", "Бахрейн Корольдігі"),
    ("BGD", "Bangladesh", "People's Republic of Bangladesh", "Бангладеш",
     "Народная Республика Бангладеш", "Бангладеш", "Бангладеш Халық Республикасы"),
    ("KHM", "Cambodia", "Kingdom of Cambodia", "Камбоджа", "Королевство Камбоджа",
     "Камбоджа", "Камбоджа Корольдігі"),
    ("CHN", "China", "People's Republic of China", "Китай", "Китайская Народная Республика",
     "Қытай", "Қытай Халық Республикасы"),
    ("EGY", "Egypt", "Arab Republic of Egypt", "Египет", "Арабская Республика Египет",
     "Мысыр", "Мысыр Араб Республикасы"),
    ("IND", "India", "Republic of India", "Индия", "Республика Индия",
     "Үндістан", "Үндістан Республикасы"),
    ("IRN", "Iran", "Islamic Republic of Iran", "Иран", "Исламская Республика Иран",
     "Иран", "Иран Ислам Республикасы"),
    ("IRQ", "Iraq", "Republic of Iraq", "Ирак", "Республика Ирак", "Ирак", "Ирак Республикасы"),
    ("ISR", "Israel", "State of Israel", "Израиль", "Государство Израиль",
     "Израиль", "Израиль Мемлекеті"),
    ("JOR", "Jordan", "Hashemite Kingdom of Jordan", "Иордания",
     "Иорданское Хашимитское Королевство", "Иордания", "Иордан Хашимит Корольдігі"),
    ("KAZ", "Kazakhstan", "Republic of Kazakhstan", "Казахстан", "Республика Казахстан",
     "Қазақстан", "Қазақстан Республикасы"),
    ("KWT", "Kuwait", "State of Kuwait", "Кувейт", "Государство Кувейт",
     "Кувейт", "Кувейт Мемлекеті"),
    ("KGZ", "Kyrgyzstan", "Kyrgyz Republic", "Кыргызстан", "Кыргызская Республика",
     "Қырғызстан", "Қырғыз Республикасы"),
    ("MNG", "Mongolia", "Mongolia", "Монголия", "Монголия", "Моңғолия", "Моңғолия"),
    ("PAK", "Pakistan", "Islamic Republic of Pakistan", "Пакистан",
     "Исламская Республика Пакистан", "Пәкістан", "Пәкістан Ислам Республикасы"),
    ("PSE", "Palestine", "State of Palestine", "Палестина", "Государство Палестина",
     "Палестина", "Палестина Мемлекеті"),
    ("QAT", "Qatar", "State of Qatar", "Катар", "Государство Катар", "Катар", "Катар Мемлекеті"),
    ("KOR", "Republic of Korea", "Republic of Korea", "Республика Корея", "Республика Корея",
     "Корея Республикасы", "Корея Республикасы"),
    ("RUS", "Russia", "Russian Federation", "Россия", "Российская Федерация",
     "Ресей", "Ресей Федерациясы"),
    ("LKA", "Sri Lanka", "Democratic Socialist Republic of Sri Lanka", "Шри-Ланка",
     "Демократическая Социалистическая Республика Шри-Ланка", "Шри-Ланка",
     "Шри-Ланка Демократиялық Социалистік Республикасы"),
    ("TJK", "Tajikistan", "Republic of Tajikistan", "Таджикистан", "Республика Таджикистан",
     "Тәжікстан", "Тәжікстан Республикасы"),
    ("THA", "Thailand", "Kingdom of Thailand", "Таиланд", "Королевство Таиланд",
     "Тайланд", "Тайланд Корольдігі"),
    ("TUR", "Türkiye", "Republic of Türkiye", "Турция", "Турецкая Республика",
     "Түркия", "Түркия Республикасы"),
    ("ARE", "United Arab Emirates", "United Arab Emirates", "Объединенные Арабские Эмираты",
     "Объединенные Арабские Эмираты", "Біріккен Араб Әмірліктері", "Біріккен Араб Әмірліктері"),
    ("UZB", "Uzbekistan", "Republic of Uzbekistan", "Узбекистан", "Республика Узбекистан",
     "Өзбекстан", "Өзбекстан Республикасы"),
    ("VNM", "Viet Nam", "Socialist Republic of Viet Nam", "Вьетнам",
     "Социалистическая Республика Вьетнам", "Вьетнам", "Вьетнам Социалистік Республикасы"),
]


def load_member_states(apps, schema_editor):
    MemberState = apps.get_model("circulation", "MemberState")
    for code, en, en_full, ru, ru_full, kk, kk_full in MEMBER_STATES:
        MemberState.objects.update_or_create(
            code=code,
            defaults={
                "status": "member",
                "name": en, "name_en": en, "name_ru": ru, "name_kk": kk,
                "full_name": en_full, "full_name_en": en_full,
                "full_name_ru": ru_full, "full_name_kk": kk_full,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("circulation", "0001_member_state")]

    operations = [migrations.RunPython(load_member_states, migrations.RunPython.noop)]
