//! Table test: varied reference entries, written from scratch in the styles of Arab
//! university journals (Arabic and English) and of English-language papers, each with the
//! fields it must yield. Every entry goes through the whole list reader (label, wrap, typed
//! fields), one entry per list.

use super::extract_references;
use crate::extract::text::Line;
use crate::model::{Agent, Reference, ReferenceType};

/// The fields of a reference as short strings, for table comparison. `-` means absent.
fn field(r: &Reference, name: &str) -> String {
    let opt = |o: Option<&str>| o.unwrap_or("-").to_string();
    match name {
        "type" => format!("{:?}", r.ref_type),
        "label" => opt(r.label.as_deref()),
        "authors" => {
            let names: Vec<String> = r
                .authors
                .iter()
                .map(|a| match a {
                    Agent::Person {
                        family: Some(f), ..
                    } => f.clone(),
                    Agent::Person { as_written, .. } => as_written.clone(),
                    Agent::Organization { name } => format!("org:{name}"),
                })
                .collect();
            if names.is_empty() {
                "-".into()
            } else {
                names.join(" | ")
            }
        }
        "et_al" => r.et_al.to_string(),
        "year" => r
            .year
            .as_ref()
            .and_then(|y| y.value)
            .map_or("-".into(), |v| v.to_string()),
        "no_date" => r.no_date.to_string(),
        "title" => opt(r.title.as_deref()),
        "container" => opt(r.container.as_deref()),
        "volume" => opt(r.volume.as_deref()),
        "issue" => opt(r.issue.as_deref()),
        "pages" => r.pages.as_ref().map_or("-".into(), |p| {
            format!(
                "{}-{}",
                p.first.map_or("?".into(), |v| v.to_string()),
                p.last.map_or("?".into(), |v| v.to_string())
            )
        }),
        "edition" => opt(r.edition.as_deref()),
        "publisher" => opt(r.publisher.as_deref()),
        "place" => opt(r.place.as_deref()),
        "url" => opt(r.url.as_deref()),
        "doi" => opt(r.doi.as_deref()),
        "accessed" => opt(r.accessed.as_deref()),
        other => format!("unknown field {other}"),
    }
}

/// One entry as printed and the fields it must give (fields not listed are not checked).
type Case = (&'static str, &'static [(&'static str, &'static str)]);

const CASES: &[Case] = &[
    // ---- Arabic ----
    (
        "الحسيني، عبد الأمير كاظم. النظام السياسي في العراق. ط٢. بغداد: دار الكتب العلمية، ٢٠١٥.",
        &[
            ("type", "Book"),
            ("authors", "الحسيني"),
            ("year", "2015"),
            ("title", "النظام السياسي في العراق"),
            ("edition", "٢"),
            ("place", "بغداد"),
            ("publisher", "دار الكتب العلمية"),
        ],
    ),
    (
        "- محمود، سعاد عبد الرحيم. الفكر السياسي المعاصر، الجزء الأول، الطبعة الثانية، القاهرة: مكتبة النهضة، (د.ت).",
        &[
            ("type", "Book"),
            ("label", "-"),
            ("authors", "محمود"),
            ("no_date", "true"),
            ("year", "-"),
            ("title", "الفكر السياسي المعاصر"),
            ("volume", "الأول"),
            ("edition", "الثانية"),
            ("place", "القاهرة"),
            ("publisher", "مكتبة النهضة"),
        ],
    ),
    (
        "العاني، فؤاد. التنمية والتحديث، ج2، ط1، د.م: دار الفكر، 2009.",
        &[
            ("type", "Book"),
            ("authors", "العاني"),
            ("title", "التنمية والتحديث"),
            ("volume", "2"),
            ("edition", "1"),
            ("place", "-"),
            ("publisher", "دار الفكر"),
            ("year", "2009"),
        ],
    ),
    (
        "هنتنغتون، صموئيل. صدام الحضارات. ترجمة: طلعت الشايب. ط٢. القاهرة: دار سطور، ١٩٩٩.",
        &[
            ("type", "Book"),
            ("authors", "هنتنغتون"),
            ("title", "صدام الحضارات"),
            ("edition", "٢"),
            ("place", "القاهرة"),
            ("publisher", "دار سطور"),
            ("year", "1999"),
        ],
    ),
    (
        "الزبيدي، حسن (محرر). الانتخابات في الوطن العربي. بيروت: دار الساقي، ٢٠١٢.",
        &[
            ("type", "Book"),
            ("authors", "الزبيدي"),
            ("title", "الانتخابات في الوطن العربي"),
            ("place", "بيروت"),
            ("publisher", "دار الساقي"),
            ("year", "2012"),
        ],
    ),
    (
        "الربيعي، نادية. \"المشاركة السياسية للمرأة\". في: كريم الجبوري (تحرير)، المرأة والسياسة، بيروت: دار الرافدين، ٢٠١٨، ص ص ٤٥-٧٠.",
        &[
            ("type", "Chapter"),
            ("authors", "الربيعي"),
            ("title", "المشاركة السياسية للمرأة"),
            ("container", "المرأة والسياسة"),
            ("pages", "45-70"),
            ("place", "بيروت"),
            ("publisher", "دار الرافدين"),
            ("year", "2018"),
        ],
    ),
    (
        "الخفاجي، علي حسين. (٢٠٢٠). الفيدرالية في العراق: دراسة في الإشكاليات. مجلة العلوم السياسية، المجلد ١٥، العدد ٦٠، ص ص ١١٣-١٤٠.",
        &[
            ("type", "JournalArticle"),
            ("authors", "الخفاجي"),
            ("year", "2020"),
            ("title", "الفيدرالية في العراق: دراسة في الإشكاليات"),
            ("container", "مجلة العلوم السياسية"),
            ("volume", "١٥"),
            ("issue", "٦٠"),
            ("pages", "113-140"),
        ],
    ),
    (
        "سلمان، رشا. التحول الديمقراطي في تونس، مجلة دراسات دولية، مج ٨، ع ٢٣، ٢٠١٧، ص ٩٠-١١٢.",
        &[
            ("type", "JournalArticle"),
            ("authors", "سلمان"),
            ("title", "التحول الديمقراطي في تونس"),
            ("container", "مجلة دراسات دولية"),
            ("volume", "٨"),
            ("issue", "٢٣"),
            ("year", "2017"),
            ("pages", "90-112"),
        ],
    ),
    (
        "الموسوي، حيدر. السياسة الخارجية التركية تجاه العراق، أطروحة دكتوراه (غير منشورة)، كلية العلوم السياسية، جامعة بغداد، ٢٠١٦.",
        &[
            ("type", "DoctoralThesis"),
            ("authors", "الموسوي"),
            ("title", "السياسة الخارجية التركية تجاه العراق"),
            ("publisher", "جامعة بغداد"),
            ("year", "2016"),
        ],
    ),
    (
        "النعيمي، زينب. دور الأحزاب في التنمية السياسية، رسالة ماجستير، جامعة الكوفة، بغداد، ٢٠١٤.",
        &[
            ("type", "MastersThesis"),
            ("authors", "النعيمي"),
            ("title", "دور الأحزاب في التنمية السياسية"),
            ("publisher", "جامعة الكوفة"),
            ("place", "بغداد"),
            ("year", "2014"),
        ],
    ),
    (
        "قانون رقم (٢١) لسنة ٢٠٠٨، قانون المحافظات غير المنتظمة في إقليم، الوقائع العراقية، العدد ٤٠٧٠، ٢٠٠٨.",
        &[
            ("type", "LegalDocument"),
            ("authors", "-"),
            ("issue", "٤٠٧٠"),
            ("year", "2008"),
        ],
    ),
    (
        "الدستور الأردني لسنة ١٩٥٢.",
        &[
            ("type", "LegalDocument"),
            ("authors", "-"),
            ("title", "الدستور الأردني لسنة ١٩٥٢"),
            ("year", "1952"),
        ],
    ),
    (
        "قرار مجلس الأمن رقم ١٥٤٦ لسنة ٢٠٠٤.",
        &[
            ("type", "LegalDocument"),
            ("authors", "-"),
            ("title", "قرار مجلس الأمن رقم ١٥٤٦ لسنة ٢٠٠٤"),
            ("year", "2004"),
        ],
    ),
    (
        "عبد الكريم، سامي. الانتخابات المقبلة ومستقبل التحالفات، جريدة الصباح، العدد ٤٥٦٧، بغداد، ١٢ آذار ٢٠١٩.",
        &[
            ("type", "NewsArticle"),
            ("authors", "عبد الكريم"),
            ("title", "الانتخابات المقبلة ومستقبل التحالفات"),
            ("container", "جريدة الصباح"),
            ("issue", "٤٥٦٧"),
            ("year", "2019"),
        ],
    ),
    (
        "المفوضية العليا المستقلة للانتخابات، نتائج الانتخابات البرلمانية، متاح على الرابط: https://example.iq/results ، تاريخ الزيارة: ١٥/٣/٢٠٢٢.",
        &[
            ("type", "WebPage"),
            ("authors", "org:المفوضية العليا المستقلة للانتخابات"),
            ("title", "نتائج الانتخابات البرلمانية"),
            ("url", "https://example.iq/results"),
            ("accessed", "١٥/٣/٢٠٢٢"),
        ],
    ),
    (
        "حسن، مروان. (٢٠٢١). مستقبل الإصلاح السياسي. موقع المنارة نت. تاريخ الدخول ٣ مايو ٢٠٢٢. https://example.net/article/12",
        &[
            ("type", "WebPage"),
            ("authors", "حسن"),
            ("year", "2021"),
            ("title", "مستقبل الإصلاح السياسي"),
            ("container", "موقع المنارة نت"),
            ("accessed", "٣ مايو ٢٠٢٢"),
            ("url", "https://example.net/article/12"),
        ],
    ),
    (
        "برنامج الأمم المتحدة الإنمائي. تقرير التنمية البشرية العربية. نيويورك، ٢٠٠٢.",
        &[
            ("type", "Report"),
            ("authors", "org:برنامج الأمم المتحدة الإنمائي"),
            ("title", "تقرير التنمية البشرية العربية"),
            ("place", "نيويورك"),
            ("year", "2002"),
        ],
    ),
    (
        "الجنابي، عادل. \"الإصلاح الإداري في العراق\"، بحث مقدم إلى المؤتمر العلمي الثالث لكلية القانون، جامعة بابل، ٢٠١٣.",
        &[
            ("authors", "الجنابي"),
            ("title", "الإصلاح الإداري في العراق"),
            ("container", "المؤتمر العلمي الثالث لكلية القانون"),
            ("publisher", "جامعة بابل"),
            ("year", "2013"),
        ],
    ),
    (
        "١٢- الشمري، كاظم. الأحزاب السياسية في العراق. ط٣. النجف: مطبعة الغري، ٢٠١٠.",
        &[
            ("type", "Book"),
            ("label", "١٢-"),
            ("authors", "الشمري"),
            ("title", "الأحزاب السياسية في العراق"),
            ("edition", "٣"),
            ("place", "النجف"),
            ("publisher", "مطبعة الغري"),
            ("year", "2010"),
        ],
    ),
    (
        "العزاوي، دهام. (٢٠١١). الأمن الوطني العراقي. مجلة قضايا سياسية، ع ٢٥، ص ٥٥-٨٠.",
        &[
            ("type", "JournalArticle"),
            ("title", "الأمن الوطني العراقي"),
            ("container", "مجلة قضايا سياسية"),
            ("issue", "٢٥"),
            ("pages", "55-80"),
        ],
    ),
    // ---- English ----
    (
        "Putnam, R. D. (2000). Bowling alone: The collapse and revival of American community. New York: Simon & Schuster.",
        &[
            ("type", "Book"),
            ("authors", "Putnam"),
            ("year", "2000"),
            (
                "title",
                "Bowling alone: The collapse and revival of American community",
            ),
            ("place", "New York"),
            ("publisher", "Simon & Schuster"),
        ],
    ),
    (
        "Norris, P., & Inglehart, R. (2019). Why populism? Cultural backlash and the rise of authoritarian populism. Comparative Politics Review, 12(3), 45–67. https://doi.org/10.1234/cpr.2019.12",
        &[
            ("type", "JournalArticle"),
            ("authors", "Norris | Inglehart"),
            (
                "title",
                "Why populism? Cultural backlash and the rise of authoritarian populism",
            ),
            ("container", "Comparative Politics Review"),
            ("volume", "12"),
            ("issue", "3"),
            ("pages", "45-67"),
            ("doi", "10.1234/cpr.2019.12"),
            ("url", "https://doi.org/10.1234/cpr.2019.12"),
        ],
    ),
    (
        "Carothers, T. (2002). The end of the transition paradigm! Lessons from the U.S. experience, e.g. in Iraq. Journal of Democracy, 13(1), 5–21.",
        &[
            ("type", "JournalArticle"),
            (
                "title",
                "The end of the transition paradigm! Lessons from the U.S. experience, e.g. in Iraq",
            ),
            ("container", "Journal of Democracy"),
            ("volume", "13"),
            ("issue", "1"),
        ],
    ),
    (
        "Lust, E. (2009). Competitive clientelism in the Middle East. In J. Smith & K. Lee (Eds.), Elections in the Arab world (pp. 1–20). Boulder: Lynne Rienner.",
        &[
            ("type", "Chapter"),
            ("authors", "Lust"),
            ("title", "Competitive clientelism in the Middle East"),
            ("container", "Elections in the Arab world"),
            ("pages", "1-20"),
            ("place", "Boulder"),
            ("publisher", "Lynne Rienner"),
        ],
    ),
    (
        "World Bank. (2018). Iraq economic monitor: Toward reconstruction (Report No. 12345). Washington, DC: World Bank.",
        &[
            ("type", "Report"),
            ("authors", "org:World Bank"),
            ("year", "2018"),
            ("title", "Iraq economic monitor: Toward reconstruction"),
            ("place", "Washington, DC"),
            ("publisher", "World Bank"),
        ],
    ),
    (
        "Human Rights Watch. (2020, June 5). Iraq: Protesters killed in Baghdad. Retrieved May 3, 2021, from https://www.example.org/news/2020/06/05/iraq",
        &[
            ("type", "WebPage"),
            ("authors", "org:Human Rights Watch"),
            ("year", "2020"),
            ("title", "Iraq: Protesters killed in Baghdad"),
            ("accessed", "May 3, 2021"),
            ("url", "https://www.example.org/news/2020/06/05/iraq"),
        ],
    ),
    (
        "Dodge, Toby. Inventing Iraq: The Failure of Nation Building and a History Denied. New York: Columbia University Press, 2003.",
        &[
            ("type", "Book"),
            ("authors", "Dodge"),
            (
                "title",
                "Inventing Iraq: The Failure of Nation Building and a History Denied",
            ),
            ("place", "New York"),
            ("publisher", "Columbia University Press"),
            ("year", "2003"),
        ],
    ),
    (
        "Dawisha, Adeed. \"Iraq: A Vision for the Future.\" Journal of Democracy 16, no. 3 (2005): 35–49.",
        &[
            ("type", "JournalArticle"),
            ("authors", "Dawisha"),
            ("title", "Iraq: A Vision for the Future"),
            ("container", "Journal of Democracy"),
            ("volume", "16"),
            ("issue", "3"),
            ("year", "2005"),
            ("pages", "35-49"),
        ],
    ),
    (
        "Gause, F. Gregory. \"Why Middle East Studies Missed the Arab Spring.\" Foreign Affairs 90, No. 4 (2011): 81–90.",
        &[
            ("type", "JournalArticle"),
            ("authors", "Gause"),
            ("title", "Why Middle East Studies Missed the Arab Spring"),
            ("container", "Foreign Affairs"),
            ("volume", "90"),
            ("issue", "4"),
            ("year", "2011"),
            ("pages", "81-90"),
        ],
    ),
    (
        "Tripp, Charles. A History of Iraq. Cambridge University Press, 2007.",
        &[
            ("type", "Book"),
            ("authors", "Tripp"),
            ("title", "A History of Iraq"),
            ("publisher", "Cambridge University Press"),
            ("year", "2007"),
        ],
    ),
    (
        "Al-Qarawee, H. (2014). Iraq's sectarian crisis: A legacy of exclusion. Middle East Policy, 21(1), 1–15. doi:10.1111/mepo.12045",
        &[
            ("type", "JournalArticle"),
            ("authors", "Al-Qarawee"),
            ("title", "Iraq's sectarian crisis: A legacy of exclusion"),
            ("container", "Middle East Policy"),
            ("volume", "21"),
            ("issue", "1"),
            ("pages", "1-15"),
            ("doi", "10.1111/mepo.12045"),
        ],
    ),
    (
        "Brown, N. J., et al. (2012). Constitutional politics in the Arab world. U.S. Institute of Peace Press.",
        &[
            ("type", "Book"),
            ("authors", "Brown"),
            ("et_al", "true"),
            ("title", "Constitutional politics in the Arab world"),
            ("publisher", "U.S. Institute of Peace Press"),
        ],
    ),
    (
        "International Crisis Group. (2019). Iraq: Evading the gathering storm (Middle East Report No. 194). Brussels: International Crisis Group.",
        &[
            ("type", "Report"),
            ("authors", "org:International Crisis Group"),
            ("title", "Iraq: Evading the gathering storm"),
            ("place", "Brussels"),
            ("publisher", "International Crisis Group"),
        ],
    ),
    (
        "Smith, J. 2019. Federalism and ethnic conflict. London: Routledge.",
        &[
            ("type", "Book"),
            ("authors", "Smith"),
            ("year", "2019"),
            ("title", "Federalism and ethnic conflict"),
            ("place", "London"),
            ("publisher", "Routledge"),
        ],
    ),
    (
        "[12] Stansfield, G. (2016). Iraq: People, history, politics (2nd ed.). Cambridge: Polity Press.",
        &[
            ("type", "Book"),
            ("label", "[12]"),
            ("authors", "Stansfield"),
            ("title", "Iraq: People, history, politics"),
            ("edition", "2nd"),
            ("place", "Cambridge"),
            ("publisher", "Polity Press"),
        ],
    ),
    (
        "12. Haddad, Fanar. Sectarianism in Iraq: Antagonistic Visions of Unity. London: Hurst, 2011.",
        &[
            ("type", "Book"),
            ("label", "12."),
            ("authors", "Haddad"),
            ("title", "Sectarianism in Iraq: Antagonistic Visions of Unity"),
            ("place", "London"),
            ("publisher", "Hurst"),
            ("year", "2011"),
        ],
    ),
    (
        "Arango, T. (2014, June 12). Sunni militants drive Iraqi army out of Mosul. The New York Times. https://www.example.com/2014/06/12/world/mosul.html",
        &[
            ("type", "NewsArticle"),
            ("authors", "Arango"),
            ("title", "Sunni militants drive Iraqi army out of Mosul"),
            ("container", "The New York Times"),
            ("url", "https://www.example.com/2014/06/12/world/mosul.html"),
        ],
    ),
    (
        "Khalil, M. (2015). Decentralization and service delivery in Iraq (Doctoral dissertation, University of Exeter).",
        &[
            ("type", "DoctoralThesis"),
            ("authors", "Khalil"),
            ("title", "Decentralization and service delivery in Iraq"),
            ("publisher", "University of Exeter"),
        ],
    ),
    (
        "United Nations Security Council. Resolution No. 2107 (2013) on the situation concerning Iraq and Kuwait. S/RES/2107, 27 June 2013.",
        &[
            ("type", "LegalDocument"),
            ("authors", "org:United Nations Security Council"),
            ("year", "2013"),
        ],
    ),
    (
        "Hinnebusch, Raymond, and Anoushiravan Ehteshami. The Foreign Policies of Middle East States. 2nd ed. Boulder, CO: Lynne Rienner, 2014.",
        &[
            ("type", "Book"),
            ("authors", "Hinnebusch | Ehteshami"),
            ("title", "The Foreign Policies of Middle East States"),
            ("edition", "2nd"),
            ("publisher", "Lynne Rienner"),
            ("year", "2014"),
        ],
    ),
    (
        "Gerges, Fawaz. Making the Arab World? Nasser and Qutb in the Modern Era. Princeton: Princeton University Press, 2018.",
        &[
            ("type", "Book"),
            ("authors", "Gerges"),
            ("title", "Making the Arab World? Nasser and Qutb in the Modern Era"),
            ("place", "Princeton"),
            ("publisher", "Princeton University Press"),
            ("year", "2018"),
        ],
    ),
    (
        "Lynch, M. (2016). Who won the Arab uprisings? Middle East Journal, 70(2), 1–10.",
        &[
            ("type", "JournalArticle"),
            ("title", "Who won the Arab uprisings?"),
            ("container", "Middle East Journal"),
            ("volume", "70"),
            ("issue", "2"),
            ("pages", "1-10"),
        ],
    ),
    (
        "Bayat, A. (2017). Revolution without revolutionaries? Stanford University Press.",
        &[
            ("type", "Book"),
            ("title", "Revolution without revolutionaries?"),
            ("publisher", "Stanford University Press"),
        ],
    ),
    (
        "العلي، سمير. (٢٠١٩). هل انتهى الربيع العربي؟ قراءة في التحولات. مجلة المستقبل العربي، العدد ٤٥٠، ص ٧-٢٠.",
        &[
            ("type", "JournalArticle"),
            ("authors", "العلي"),
            ("title", "هل انتهى الربيع العربي؟ قراءة في التحولات"),
            ("container", "مجلة المستقبل العربي"),
            ("issue", "٤٥٠"),
            ("pages", "7-20"),
        ],
    ),
    (
        "Ibn Khaldun. The Muqaddimah. Trans. Franz Rosenthal. Princeton: Princeton University Press, 1967.",
        &[
            ("type", "Book"),
            ("title", "The Muqaddimah"),
            ("place", "Princeton"),
            ("publisher", "Princeton University Press"),
            ("year", "1967"),
        ],
    ),
    (
        "Lee, K. (Ed.). (2010). Parties and elections in the Gulf. London: Saqi Books.",
        &[
            ("type", "Book"),
            ("authors", "Lee"),
            ("year", "2010"),
            ("title", "Parties and elections in the Gulf"),
            ("place", "London"),
            ("publisher", "Saqi Books"),
        ],
    ),
    (
        "قانون الأحزاب السياسية رقم ٣٦ لسنة ٢٠١٥، الوقائع العراقية، العدد ٤٣٨٣.",
        &[
            ("type", "LegalDocument"),
            ("title", "قانون الأحزاب السياسية رقم ٣٦ لسنة ٢٠١٥"),
            ("container", "الوقائع العراقية"),
            ("issue", "٤٣٨٣"),
            ("year", "2015"),
        ],
    ),
    (
        "Kamal, R. (2012). Local councils after 2003 (Master's thesis, University of Leeds, Leeds, UK).",
        &[
            ("type", "MastersThesis"),
            ("title", "Local councils after 2003"),
            ("publisher", "University of Leeds"),
        ],
    ),
    (
        "الموسوي، جعفر. إيران والعراق: الجوار الصعب. طهران: دار الهدى، ٢٠١١.",
        &[
            ("type", "Book"),
            ("title", "إيران والعراق: الجوار الصعب"),
            ("edition", "-"),
            ("place", "طهران"),
            ("publisher", "دار الهدى"),
            ("year", "2011"),
        ],
    ),
    // Chicago author-date: the journal's run `Volume (Issue): Pages` without labels.
    (
        "Marsh, Ada. 1991. The Keepers of Small Harbours. Harbour Studies Quarterly 54 (2): 120–42.",
        &[
            ("type", "JournalArticle"),
            ("authors", "Marsh"),
            ("title", "The Keepers of Small Harbours"),
            ("container", "Harbour Studies Quarterly"),
            ("year", "1991"),
            ("volume", "54"),
            ("issue", "2"),
            ("pages", "120-142"),
        ],
    ),
    // A book's subtitle after its title's full stop, then the imprint (German and APA
    // lists without a colon).
    (
        "Lindqvist, Hanna (2004). Häfen am Meer. Studien zur Küstenschifffahrt. Bremen: Werft Verlag.",
        &[
            ("type", "Book"),
            ("authors", "Lindqvist"),
            ("title", "Häfen am Meer. Studien zur Küstenschifffahrt"),
            ("container", "-"),
            ("place", "Bremen"),
            ("publisher", "Werft Verlag"),
        ],
    ),
    // The year after the authors, the imprint in parentheses at the end (British social
    // science).
    (
        "Norlund, K. and E. Saari (2003): Harbour Towns in Transition: Ports and People (Basingstoke: Tideway Press).",
        &[
            ("type", "Book"),
            ("authors", "Norlund | Saari"),
            ("title", "Harbour Towns in Transition: Ports and People"),
            ("year", "2003"),
            ("place", "Basingstoke"),
            ("publisher", "Tideway Press"),
        ],
    ),
    // ---- Vancouver (ICMJE): `Family INITIALS, ...` authors, `Year;Vol(Issue):Pages` ----
    (
        "Moreno TL, Okafor BE, Lindqvist H. Daily walking and knee pain in older adults: a cohort study. J Aging Health. 2015;27(4):601–19.",
        &[
            ("type", "JournalArticle"),
            ("authors", "Moreno | Okafor | Lindqvist"),
            ("title", "Daily walking and knee pain in older adults: a cohort study"),
            ("container", "J Aging Health"),
            ("year", "2015"),
            ("volume", "27"),
            ("issue", "4"),
            ("pages", "601-619"),
        ],
    ),
    (
        "Pereira AC, Santos MR, Vidal JP, et al. Sleep and school results among adolescents. Rev Saude Publica. 2012;46:88-95.",
        &[
            ("type", "JournalArticle"),
            ("authors", "Pereira | Santos | Vidal"),
            ("et_al", "true"),
            ("title", "Sleep and school results among adolescents"),
            ("container", "Rev Saude Publica"),
            ("year", "2012"),
            ("volume", "46"),
            ("pages", "88-95"),
        ],
    ),
    (
        "Ngata RW. Where does the money go? Int J Health Econ. 2018;12(1):5–14.",
        &[
            ("type", "JournalArticle"),
            ("authors", "Ngata"),
            ("title", "Where does the money go?"),
            ("container", "Int J Health Econ"),
            ("year", "2018"),
            ("volume", "12"),
            ("issue", "1"),
        ],
    ),
    // NLM's medium and citation date inside the numbers run (`[Internet]. 2019 [cited …];`).
    (
        "Varela JM, Oduya PK. Night shifts and hand hygiene. Nurs Pract Today [Internet]. 2019 [cited 2021 Mar 4];8(2):44-51. Available from: https://example.org/nht/8/2/44",
        &[
            ("type", "JournalArticle"),
            ("authors", "Varela | Oduya"),
            ("title", "Night shifts and hand hygiene"),
            ("container", "Nurs Pract Today"),
            ("year", "2019"),
            ("volume", "8"),
            ("issue", "2"),
            ("pages", "44-51"),
            ("accessed", "2021 Mar 4"),
            ("url", "https://example.org/nht/8/2/44"),
        ],
    ),
    // Brazilian Vancouver: the particle after the initials, five initials, a dotted journal
    // abbreviation, `[online].` and a Portuguese citation date.
    (
        "Tavares RMLPA, Souza CAB da. Cuidado domiciliar de idosos. Rev. Bras. Enferm. Ger. [online]. 2011 [citado em 3 de junho 2014]; 19(3): 210-18. Disponível em: http://example.org/rbeg/19/3",
        &[
            ("type", "JournalArticle"),
            ("authors", "Tavares | Souza"),
            ("title", "Cuidado domiciliar de idosos"),
            ("container", "Rev. Bras. Enferm. Ger"),
            ("year", "2011"),
            ("volume", "19"),
            ("issue", "3"),
            ("pages", "210-218"),
            ("accessed", "3 de junho 2014"),
        ],
    ),
    (
        "Halvorsen K. Public health in small towns. 2nd ed. Lisbon: Costa Editores; 2009.",
        &[
            ("type", "Book"),
            ("authors", "Halvorsen"),
            ("title", "Public health in small towns"),
            ("place", "Lisbon"),
            ("publisher", "Costa Editores"),
            ("year", "2009"),
        ],
    ),
    (
        "Ferraz DM. Wound dressings at home. In: Lima SA, Rocha PE, editors. Nursing care in the community. Porto: Atlas; 2004. p. 101-9.",
        &[
            ("type", "Chapter"),
            ("authors", "Ferraz"),
            ("title", "Wound dressings at home"),
            ("container", "Nursing care in the community"),
            ("year", "2004"),
            ("pages", "101-109"),
        ],
    ),
    // A transliterated title with its bracketed translation, then the journal's.
    (
        "Orlova, T. V. 2012, Gorodskie porty Baltiki [Urban ports of the Baltic], Morskie issledovanija [Maritime studies], no. 3, p. 41—48.",
        &[
            ("type", "JournalArticle"),
            ("authors", "Orlova"),
            ("title", "Gorodskie porty Baltiki [Urban ports of the Baltic]"),
            ("container", "Morskie issledovanija [Maritime studies]"),
            ("year", "2012"),
            ("issue", "3"),
        ],
    ),
    (
        "Orlova, T. V. 2009, Gorodskie porty [Urban ports], Moscow.",
        &[
            ("type", "Book"),
            ("title", "Gorodskie porty [Urban ports]"),
            ("place", "Moscow"),
            ("year", "2009"),
        ],
    ),
    // ---- GOST (Russian and East European journals): `Family I. Title // Container` ----
    (
        "Иванова Т. С. Рынок труда в малых городах // Вопросы экономики. 2011. Т. 7, № 2. С. 45—60.",
        &[
            ("type", "JournalArticle"),
            ("authors", "Иванова"),
            ("title", "Рынок труда в малых городах"),
            ("container", "Вопросы экономики"),
            ("year", "2011"),
            ("volume", "7"),
            ("issue", "2"),
            ("pages", "45-60"),
        ],
    ),
    (
        "Kowalski J., Novak P. Regional funds and local elites // Journal of Border Studies. 2009. Vol. 12, no. 3. P. 77—95.",
        &[
            ("type", "JournalArticle"),
            ("authors", "Kowalski | Novak"),
            ("title", "Regional funds and local elites"),
            ("container", "Journal of Border Studies"),
            ("year", "2009"),
            ("volume", "12"),
            ("issue", "3"),
            ("pages", "77-95"),
        ],
    ),
    (
        "Berg L. Local democracy after the reform // The new regions of Europe / ed. by K. Lund. London, 2010. P. 10—25.",
        &[
            ("type", "Chapter"),
            ("authors", "Berg"),
            ("title", "Local democracy after the reform"),
            ("container", "The new regions of Europe"),
            ("year", "2010"),
            ("pages", "10-25"),
        ],
    ),
];

fn lines(text: &str) -> Vec<Line<'_>> {
    text.lines()
        .enumerate()
        .map(|(i, t)| Line::new(i + 1, t))
        .collect()
}

#[test]
fn entries_of_many_styles_give_their_fields() {
    let mut wrong = Vec::new();
    for (src, want) in CASES {
        let (groups, _) = extract_references(&lines(src));
        let refs: Vec<&Reference> = groups.iter().flat_map(|g| &g.references).collect();
        let [r] = refs.as_slice() else {
            wrong.push(format!("{src}\n    read as {} entries", refs.len()));
            continue;
        };
        for (name, value) in *want {
            let got = field(r, name);
            if got != *value {
                wrong.push(format!("{src}\n    {name}: want {value:?} got {got:?}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// The whole table as one list: every entry stays one entry.
#[test]
fn the_table_as_one_bare_list_keeps_its_entries_apart() {
    let unlabelled: Vec<&str> = CASES
        .iter()
        .map(|(s, _)| *s)
        .filter(|s| !s.starts_with(['-', '[', '1', '١']))
        .collect();
    let text = unlabelled.join("\n");
    let (groups, _) = extract_references(&lines(&text));
    let got: Vec<&str> = groups
        .iter()
        .flat_map(|g| &g.references)
        .map(|r| r.raw.as_str())
        .collect();
    assert_eq!(got, unlabelled);
}

/// The list's types, as a guard that the table covers every kind of work.
#[test]
fn the_table_covers_every_type() {
    for t in [
        ReferenceType::Book,
        ReferenceType::Chapter,
        ReferenceType::JournalArticle,
        ReferenceType::MastersThesis,
        ReferenceType::DoctoralThesis,
        ReferenceType::NewsArticle,
        ReferenceType::WebPage,
        ReferenceType::Report,
        ReferenceType::LegalDocument,
    ] {
        let name = format!("{t:?}");
        assert!(
            CASES
                .iter()
                .any(|(_, w)| w.iter().any(|(f, v)| *f == "type" && *v == name)),
            "{name}"
        );
    }
}
