"""(c) Algerian history paper: endnotes printed under الهوامش after the text, French
references, abstracts in Arabic, French (Résumé, Mots-clés) and English. Invented."""

from model import Abstract, Author, Heading, Note, Paper, Para, Ref, RefGroup

REFS = [
    RefGroup("أولاً: المراجع باللغة العربية", [
        Ref("zerrouki", "زروقي، عبد المجيد، الأسواق الأسبوعية في الريف الجزائري خلال العهد الاستعماري، دار الهضاب للنشر، سطيف، 2015.", "2015", "زروقي"),
        Ref("hamdani", "حمداني، فاطمة الزهراء، الضرائب العربية ونظام الأهالي في الشرق الجزائري، مجلة الدراسات التاريخية المغاربية، المجلد 6، العدد 2، 2019، ص ص 77-104.", "2019", "حمداني"),
        Ref("bouzid", "بوزيد، العربي، القياد والإدارة المحلية في الجزائر 1870-1914، منشورات مخبر التاريخ الحديث، قسنطينة، 2011.", "2011", "بوزيد"),
    ]),
    RefGroup("ثانياً: المراجع باللغة الفرنسية", [
        Ref("ferrand", "Ferrand (Lucien), L'administration des communes mixtes en Algérie, Éditions du Littoral, Paris, 1998.", "1998", "Ferrand"),
        Ref("castel", "Castel (Odile), « Marchés ruraux et fiscalité coloniale dans le Constantinois », Revue d'histoire maghrébine contemporaine, n° 41, 2007, pp. 129-158.", "2007", "Castel"),
        Ref("renaud", "Renaud (Pierre-Henri), Les caïds et l'État colonial : intermédiaires et pouvoirs locaux, Presses de l'Atlas, Marseille, 2004.", "2004", "Renaud"),
    ]),
]

BODY = [
    Heading(1, "مقدمة"),
    Para("شكلت الأسواق الأسبوعية في الريف الجزائري فضاءً اقتصادياً واجتماعياً مركزياً، تلتقي فيه القبائل لتبادل الحبوب والمواشي والأخبار، وتحل فيه النزاعات وتعقد فيه التحالفات",
         Note("زروقي، عبد المجيد، الأسواق الأسبوعية في الريف الجزائري خلال العهد الاستعماري، دار الهضاب للنشر، سطيف، 2015، ص 33.", "zerrouki"),
         ". وقد أدركت الإدارة الاستعمارية الفرنسية أهمية هذا الفضاء مبكراً، فسعت إلى إخضاعه للمراقبة والجباية، وجعلته أداة من أدوات التحكم في المجتمع الريفي."),
    Para("وتطرح هذه الدراسة الإشكالية الآتية: كيف وظفت الإدارة الاستعمارية الأسواق الأسبوعية في الشرق الجزائري بين سنتي 1881 و1914 لإحكام سيطرتها على الأهالي؟ وما أثر ذلك في البنية الاقتصادية والاجتماعية للريف؟ واعتمدنا في معالجتها المنهج التاريخي الوصفي التحليلي، مستندين إلى تقارير البلديات المختلطة ومحاضر الحاكم العام."),
    Heading(1, "أولاً: تنظيم الأسواق في ظل البلديات المختلطة"),
    Para("بعد إنشاء البلديات المختلطة أصبح فتح السوق أو نقله أو غلقه من صلاحيات المتصرف الإداري، بعد أن كان شأناً قبلياً تحكمه الأعراف",
         Note("Ferrand (Lucien), L'administration des communes mixtes en Algérie, Éditions du Littoral, Paris, 1998, p. 142.", "ferrand"),
         ". وصدرت قرارات تحدد أيام الأسواق وأماكنها، وتفرض على الباعة الحصول على رخص مسبقة، وتلزمهم بدفع رسوم على كل رأس من الماشية يعرض للبيع."),
    Para("وكان الهدف المعلن من هذا التنظيم هو ضمان الأمن ومنع التهريب، غير أن المراسلات الإدارية تكشف أن الغاية الحقيقية كانت مالية بالدرجة الأولى، إذ مثلت رسوم الأسواق موردًا ثابتًا لميزانيات البلديات المختلطة",
         Note("Ibid., p. 150."),
         "، وجرى توظيفها أيضًا في مراقبة تنقل الأشخاص، فكان المتصرف يطلع من خلالها على حركة القبائل وأحوالها."),
    Heading(1, "ثانياً: السوق أداةً للجباية والمراقبة"),
    Para("أضيفت رسوم الأسواق إلى الضرائب العربية التقليدية كالعشور والزكاة والحكور، فتضاعف العبء الضريبي على الفلاح الجزائري",
         Note("حمداني، فاطمة الزهراء، الضرائب العربية ونظام الأهالي في الشرق الجزائري، مجلة الدراسات التاريخية المغاربية، المجلد 6، العدد 2، 2019، ص 85.", "hamdani"),
         ". وكان القياد يتولون جمع هذه الرسوم لحساب الإدارة مقابل نسبة منها، مما جعلهم وسطاء بين السلطة الاستعمارية والأهالي، ومصدر تذمر دائم لدى السكان",
         Note("بوزيد، العربي، القياد والإدارة المحلية في الجزائر 1870-1914، منشورات مخبر التاريخ الحديث، قسنطينة، 2011، ص 61.", "bouzid"),
         "."),
    Para("ولم تقتصر وظيفة السوق على الجباية، بل غدا مكاناً لإعلان القرارات الإدارية ومطاردة المطلوبين وتنفيذ العقوبات الجماعية التي نص عليها قانون الأهالي، كالغرامات المفروضة على الدواوير بأكملها",
         Note("Castel (Odile), « Marchés ruraux et fiscalité coloniale dans le Constantinois », Revue d'histoire maghrébine contemporaine, n° 41, 2007, p. 137.", "castel"),
         ". وتذكر تقارير المتصرفين أن غلق السوق كان يستعمل عقاباً للقبيلة التي يشتبه في إيوائها للثائرين."),
    Heading(1, "ثالثاً: آثار السياسة الاستعمارية في الأسواق"),
    Para("أدت هذه السياسة إلى تراجع دور الأسواق التقليدية لصالح أسواق جديدة أنشئت قرب مراكز الاستيطان، حيث كان المعمرون يشترون المحاصيل بأسعار زهيدة",
         Note("زروقي، عبد المجيد، المرجع السابق، ص 118.", "zerrouki"),
         "، كما أسهمت في تفكيك شبكات التضامن القبلي التي كانت السوق تغذيها. ومع ذلك ظلت السوق فضاءً لمقاومة صامتة، تتداول فيه الأخبار وتنسج فيه شبكات العلاقات بعيداً عن أعين الإدارة",
         Note("Renaud (Pierre-Henri), Les caïds et l'État colonial : intermédiaires et pouvoirs locaux, Presses de l'Atlas, Marseille, 2004, p. 203.", "renaud"),
         "."),
    Heading(1, "خاتمة"),
    Para("يتضح مما سبق أن الإدارة الاستعمارية حولت السوق الأسبوعية من فضاء اجتماعي تحكمه الأعراف القبلية إلى أداة للجباية والمراقبة والعقاب، وأن هذا التحول أسهم في إفقار الريف وتفكيك بناه التقليدية، دون أن يلغي دور السوق بوصفه فضاءً لتداول الأخبار والمقاومة الصامتة."),
]

PAPER = Paper(
    case="arabic-pdf-algerian-history",
    engine="odt",
    journal={"id": "jhms-test", "ar": "مجلة الحوار التاريخي المغاربي",
             "en": "Journal of Maghreb Historical Dialogue", "issn": "2999-0300",
             "volume": "09", "issue": "01", "year": "2021", "volume_num": "9",
             "issue_num": "1", "published": "2099-03-15", "subject": "دراسات تاريخية", "first_page": 412},
    title_ar="الأسواق الأسبوعية في الشرق الجزائري أداةً للجباية والمراقبة الاستعمارية (1881-1914)",
    title_en="Weekly Markets in Eastern Algeria as an Instrument of Colonial Taxation and Surveillance (1881-1914)",
    authors=[
        Author("د.", "بلقاسمي عبد القادر", ["جامعة الهضاب العليا، الجزائر"], "a.belkacemi@univ-hautsplateaux.dz"),
        Author("ط.د.", "شريفي نسيمة", ["جامعة الهضاب العليا، الجزائر"], "n.cherifi@univ-hautsplateaux.dz"),
    ],
    abstracts=[
        Abstract("ar", "الملخص:",
                 "تتناول هذه الدراسة سياسة الإدارة الاستعمارية الفرنسية تجاه الأسواق الأسبوعية في الشرق الجزائري بين سنتي 1881 و1914، وتبين كيف تحولت السوق من فضاء اجتماعي قبلي إلى أداة للجباية والمراقبة والعقاب الجماعي، وما ترتب على ذلك من إفقار للريف وتفكيك لبناه التقليدية.",
                 "الكلمات المفتاحية:", ["الأسواق الأسبوعية", "البلديات المختلطة", "الجباية", "قانون الأهالي", "الشرق الجزائري"]),
        Abstract("fr", "Résumé :",
                 "Cette étude examine la politique de l'administration coloniale française à l'égard des marchés hebdomadaires de l'Est algérien entre 1881 et 1914. Elle montre comment le marché, espace social tribal, est devenu un instrument de fiscalité, de surveillance et de punition collective, et quelles en furent les conséquences sur l'appauvrissement des campagnes.",
                 "Mots-clés :", ["marchés hebdomadaires", "communes mixtes", "fiscalité", "code de l'indigénat", "Est algérien"], " ; "),
        Abstract("en", "Abstract:",
                 "This study examines the policy of the French colonial administration towards the weekly markets of eastern Algeria between 1881 and 1914. It shows how the market, a tribal social space, became an instrument of taxation, surveillance and collective punishment, and what this meant for the impoverishment of the countryside.",
                 "Keywords:", ["weekly markets", "mixed communes", "taxation", "native code", "eastern Algeria"], ", "),
    ],
    body=BODY,
    references_heading="قائمة المصادر والمراجع",
    reference_groups=REFS,
    notes="endnotes",
    notes_heading="الهوامش:",
    style={"arabic_font": "KacstBook", "body_align": "start", "page_width": "21cm",
           "page_height": "29.7cm", "margin": "2.5cm", "body_size": "14pt",
           "note_size": "12pt", "footer_prefix": "", "note_prefix": "", "note_suffix": "-",
           "line_height": "125%"},
)
