"""(e) Saudi/Jordanian education paper by two authors: footnotes numbered per page with
raised labels and no brackets, `مرجع سابق` notes, keywords separated by `-`, headings of the
education genre, a numbered reference list (`1.`) in Arabic and foreign groups. Set in
DejaVu Sans. Invented."""

from model import Abstract, Author, Heading, Note, Paper, Para, Ref, RefGroup

REFS = [
    RefGroup("أولاً: المراجع العربية", [
        Ref("harbi", "الحربي، خالد منصور (2018). التعلم المقلوب في التعليم الجامعي: الأسس والتطبيقات. الرياض: دار النخيل للنشر.", "2018", "الحربي"),
        Ref("zoubi", "الزعبي، ريم أحمد (2020). أثر استراتيجية الصف المقلوب في التحصيل والدافعية لدى طالبات الجامعة. المجلة الأردنية في العلوم التربوية، 16(3)، 311-329.", "2020", "الزعبي"),
        Ref("shehri", "الشهري، عبد العزيز سعيد (2017). مهارات التعلم الذاتي لدى طلبة الجامعات السعودية. مجلة العلوم التربوية والنفسية، 18(2)، 145-170.", "2017", "الشهري"),
    ]),
    RefGroup("ثانياً: المراجع الأجنبية", [
        Ref("bergen", "Bergen, T., & Walsh, M. (2016). Flipping the university classroom: A practical guide. Harbour Academic Press.", "2016", "Bergen"),
        Ref("okafor", "Okafor, L. (2019). Self-regulated learning in flipped courses. Journal of Higher Education Pedagogy, 12(4), 201-219.", "2019", "Okafor"),
    ]),
]

BODY = [
    Heading(1, "المقدمة"),
    Para("يشهد التعليم الجامعي في المملكة العربية السعودية والأردن تحولاً نحو الاستراتيجيات التي تجعل الطالب محور العملية التعليمية، ومن أبرزها استراتيجية الصف المقلوب التي تنقل عرض المحتوى إلى خارج القاعة وتخصص وقت المحاضرة للنقاش والتطبيق",
         Note("الحربي، خالد منصور، التعلم المقلوب في التعليم الجامعي، ص 21.", "harbi"),
         ". وتفترض هذه الاستراتيجية أن الطالب يصل إلى المحاضرة وقد اطلع على المادة، فيتحول دور الأستاذ من ملقن إلى موجه ومرشد."),
    Para("وقد أظهرت دراسات عديدة أن هذه الاستراتيجية ترفع تحصيل الطلبة وتزيد دافعيتهم",
         Note("الزعبي، ريم أحمد، أثر استراتيجية الصف المقلوب في التحصيل والدافعية، ص 315.", "zoubi"),
         "، غير أن أثرها في مهارات التعلم الذاتي ما زال بحاجة إلى مزيد من البحث في البيئة الجامعية العربية."),
    Heading(1, "مشكلة الدراسة وأسئلتها"),
    Para("لاحظ الباحثان من خلال تدريسهما مقررات الإعداد التربوي ضعف اعتماد الطلبة على أنفسهم في البحث عن المعرفة، واكتفاءهم بما يقدمه الأستاذ في المحاضرة",
         Note("الشهري، عبد العزيز سعيد، مهارات التعلم الذاتي لدى طلبة الجامعات السعودية، ص 150.", "shehri"),
         ". وتتحدد مشكلة الدراسة في السؤال الرئيس الآتي: ما أثر استخدام استراتيجية الصف المقلوب في تنمية مهارات التعلم الذاتي لدى طلبة كلية التربية؟"),
    Heading(1, "أهمية الدراسة"),
    Para("تستمد الدراسة أهميتها من حاجة كليات التربية إلى نماذج تدريس تعد المعلم القادر على التعلم مدى الحياة، ومن ندرة الدراسات التي قارنت بين طلبة جامعتين في بلدين عربيين",
         Note("Bergen, T., & Walsh, M., Flipping the university classroom, p. 44.", "bergen"),
         ". كما تقدم الدراسة مقياساً لمهارات التعلم الذاتي يمكن للباحثين الإفادة منه."),
    Heading(1, "منهج الدراسة وإجراءاتها"),
    Para("اتبعت الدراسة المنهج شبه التجريبي بتصميم المجموعتين التجريبية والضابطة، وتكونت العينة من (88) طالباً وطالبة من طلبة كلية التربية في جامعتين، درست المجموعة التجريبية وحدتين من مقرر طرق التدريس بالصف المقلوب، ودرست الضابطة بالطريقة المعتادة",
         Note("الحربي، خالد منصور، مرجع سابق، ص 63.", "harbi"),
         ". وطبق مقياس مهارات التعلم الذاتي قبل التجربة وبعدها."),
    Heading(1, "النتائج ومناقشتها"),
    Para("أظهرت النتائج وجود فرق دال إحصائياً عند مستوى الدلالة (0.05) بين متوسطي درجات المجموعتين في التطبيق البعدي لصالح المجموعة التجريبية، وبلغ حجم الأثر (0.71) وهو حجم كبير",
         Note("Okafor, L., Self-regulated learning in flipped courses, p. 210.", "okafor"),
         ". ويعزو الباحثان ذلك إلى أن الصف المقلوب يلزم الطالب بالتخطيط لتعلمه ومراقبته قبل المحاضرة",
         Note("الزعبي، ريم أحمد، مرجع سابق، ص 322.", "zoubi"),
         "."),
    Heading(1, "التوصيات"),
    Para("توصي الدراسة بتدريب أعضاء هيئة التدريس على تصميم المحتوى الرقمي للصف المقلوب، وتضمين مهارات التعلم الذاتي في أهداف مقررات الإعداد التربوي، وإجراء دراسات مماثلة في كليات أخرى."),
]

PAPER = Paper(
    case="arabic-pdf-saudi-education",
    engine="odt",
    journal={"id": "jedsci-test", "ar": "مجلة العلوم التربوية والدراسات الإنسانية",
             "en": "Journal of Educational Sciences and Human Studies", "issn": "2999-0416",
             "volume": "8", "issue": "2", "year": "2021", "volume_num": "8",
             "issue_num": "2", "published": "2099-06-30", "subject": "العلوم التربوية", "first_page": 133},
    title_ar="أثر استراتيجية الصف المقلوب في تنمية مهارات التعلم الذاتي لدى طلبة كلية التربية",
    title_en="The Effect of the Flipped Classroom Strategy on Developing Self-Learning Skills among Faculty of Education Students",
    authors=[
        Author("د.", "منيرة عبد الرحمن القحطاني", ["قسم المناهج وطرق التدريس، كلية التربية، جامعة وادي النخيل، السعودية"], "m.alqahtani@wnu-edu.sa"),
        Author("د.", "سامر يوسف العمري", ["قسم الإدارة وأصول التربية، كلية العلوم التربوية، جامعة البلقاء الشمالية، الأردن"], "s.alomari@nbu-edu.jo"),
    ],
    abstracts=[
        Abstract("ar", "الملخص:",
                 "هدفت الدراسة إلى تعرف أثر استراتيجية الصف المقلوب في تنمية مهارات التعلم الذاتي لدى طلبة كلية التربية. واتبعت المنهج شبه التجريبي على عينة من (88) طالباً وطالبة في جامعتين، وأظهرت النتائج فرقاً دالاً إحصائياً لصالح المجموعة التجريبية بحجم أثر كبير.",
                 "الكلمات المفتاحية:", ["الصف المقلوب", "التعلم الذاتي", "كلية التربية", "التعليم الجامعي"], " - "),
        Abstract("en", "Abstract:",
                 "The study aimed to identify the effect of the flipped classroom strategy on developing self-learning skills among faculty of education students. It followed a quasi-experimental design with a sample of 88 students at two universities, and the results showed a statistically significant difference in favour of the experimental group with a large effect size.",
                 "Keywords:", ["flipped classroom", "self-learning", "faculty of education", "higher education"], ", "),
    ],
    body=BODY,
    references_heading="قائمة المراجع",
    reference_groups=REFS,
    notes="footnotes",
    style={"arabic_font": "DejaVu Sans", "latin_font": "DejaVu Serif", "body_align": "start",
           "page_width": "21cm", "page_height": "29.7cm", "margin": "2.5cm", "body_size": "13pt",
           "note_size": "10pt", "note_prefix": "", "note_suffix": "", "ref_label": "{i}. ",
           "line_height": "120%"},
)
