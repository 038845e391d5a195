"""(f) Media studies paper with the English abstract first, headings المحور الأول/الثاني,
endnotes under `الإحالات:` labelled `(1)`, المصدر نفسه / المرجع نفسه, and a reference list
without numbers split into Arabic and foreign sources. Set in Amiri on a B5 page. Invented."""

from model import Abstract, Author, Heading, Note, Paper, Para, Ref, RefGroup

REFS = [
    RefGroup("المراجع باللغة العربية", [
        Ref("benali", "بن علي، سمير، الإعلام الجديد وتحولات الفضاء العمومي، دار الساحل للنشر، وهران، 2019.", "2019", "بن علي"),
        Ref("mansouri", "منصوري، ليلى، «الشباب ومواقع التواصل الاجتماعي: دراسة ميدانية»، مجلة الاتصال والمجتمع، العدد 14، 2021، ص 88-112.", "2021", "منصوري"),
    ]),
    RefGroup("المراجع باللغة الأجنبية", [
        Ref("morel", "Morel, Claire, Les publics numériques, Éditions de la Baie, Lyon, 2015.", "2015", "Morel"),
        Ref("hartley", "Hartley, James, Digital Publics and Everyday Talk, Meridian Press, Leeds, 2018.", "2018", "Hartley"),
    ]),
]

BODY = [
    Heading(1, "مقدمة"),
    Para("غيرت مواقع التواصل الاجتماعي طريقة تلقي الشباب للأخبار، فلم يعد الخبر يصل إليهم من المؤسسة الإعلامية وحدها، بل من شبكة الأصدقاء والمتابعين",
         Note("بن علي، سمير، الإعلام الجديد وتحولات الفضاء العمومي، دار الساحل للنشر، وهران، 2019، ص 45.", "benali"),
         ". وتسعى هذه الدراسة إلى فهم العوامل التي تحدد ثقة الطلبة الجامعيين في الأخبار المتداولة على هذه المواقع."),
    Heading(1, "المحور الأول: الإطار المفاهيمي للدراسة"),
    Para("يقصد بالثقة في الخبر مدى استعداد المتلقي لقبول مضمونه والتصرف على أساسه دون التحقق منه",
         Note("Morel, Claire, Les publics numériques, Éditions de la Baie, Lyon, 2015, p. 71.", "morel"),
         "، وهي تتأثر بمصدر الخبر وبالوسيط الذي ينقله وبالعلاقة بين الناشر والمتلقي",
         Note("المرجع نفسه، ص 80."),
         "."),
    Heading(1, "المحور الثاني: نتائج الدراسة الميدانية"),
    Para("أظهرت نتائج الاستبيان الذي وزع على (240) طالباً أن الثقة في الخبر ترتفع حين يأتي من صديق مقرب، وتنخفض حين يأتي من صفحة مجهولة الهوية",
         Note("منصوري، ليلى، «الشباب ومواقع التواصل الاجتماعي: دراسة ميدانية»، مجلة الاتصال والمجتمع، العدد 14، 2021، ص 97.", "mansouri"),
         ". كما تبين أن الطلبة الذين يتابعون وسائل الإعلام التقليدية أكثر حذراً في مشاركة الأخبار",
         Note("Hartley, James, Digital Publics and Everyday Talk, Meridian Press, Leeds, 2018, p. 130.", "hartley"),
         "."),
    Heading(1, "خاتمة"),
    Para("تخلص الدراسة إلى أن الثقة في أخبار مواقع التواصل الاجتماعي تبنى على العلاقات الشخصية أكثر مما تبنى على مصداقية المصدر، وتوصي بإدراج التربية الإعلامية في البرامج الجامعية."),
]

PAPER = Paper(
    case="arabic-pdf-media-endnotes",
    engine="odt",
    journal={"id": "jcomsoc-test", "ar": "مجلة دراسات الاتصال والمجتمع",
             "en": "Journal of Communication and Society Studies", "issn": "2999-0521",
             "volume": "05", "issue": "02", "year": "2022", "volume_num": "5",
             "issue_num": "2", "published": "2099-12-20", "subject": "علوم الإعلام والاتصال", "first_page": 201},
    title_ar="ثقة الطلبة الجامعيين في الأخبار المتداولة على مواقع التواصل الاجتماعي: دراسة ميدانية",
    title_en="University Students' Trust in News Shared on Social Media: A Field Study",
    authors=[
        Author("أ.", "حمزة بوشارب", ["جامعة الساحل الغربي، الجزائر"], "h.boucharb@usg-univ.dz"),
    ],
    abstracts=[
        Abstract("en", "Abstract:",
                 "This study examines the factors that shape university students' trust in news shared on social media. A questionnaire answered by 240 students shows that trust rises when news comes from a close friend and falls when it comes from an anonymous page.",
                 "Keywords:", ["social media", "trust", "news", "university students"], ", "),
        Abstract("ar", "ملخص:",
                 "تبحث هذه الدراسة في العوامل التي تحدد ثقة الطلبة الجامعيين في الأخبار المتداولة على مواقع التواصل الاجتماعي، وتبين من استبيان أجاب عنه (240) طالباً أن الثقة ترتفع حين يأتي الخبر من صديق مقرب وتنخفض حين يأتي من صفحة مجهولة.",
                 "كلمات مفتاحية:", ["مواقع التواصل الاجتماعي", "الثقة", "الأخبار", "الطلبة الجامعيون"], "؛ "),
    ],
    body=BODY,
    references_heading="قائمة المصادر والمراجع",
    reference_groups=REFS,
    notes="endnotes",
    notes_heading="الإحالات:",
    style={"arabic_font": "Amiri", "body_align": "start", "page_width": "17cm",
           "page_height": "24cm", "margin": "2cm", "body_size": "14pt", "note_size": "12pt",
           "numbered_refs": False, "line_height": "120%"},
)
