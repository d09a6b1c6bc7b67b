"""Facts for the demo site, from the report of the fifth Partners meeting
(Brussels, 26–27 January 2009), written in the project's own words.

Keyed by language code; English is the source.
"""

LANGUAGES = ["fr", "es", "ru", "ar", "zh-hans"]

# acronym: (sort order, {language: (name, mandate)}, website)
ORGANISATIONS = [
    (
        "SBC",
        10,
        "https://www.basel.int/",
        {
            "en": ("Secretariat of the Basel Convention", "Basel Convention on hazardous wastes"),
            "fr": (
                "Secrétariat de la Convention de Bâle",
                "Convention de Bâle sur les déchets dangereux",
            ),
            "es": (
                "Secretaría del Convenio de Basilea",
                "Convenio de Basilea sobre desechos peligrosos",
            ),
            "ru": ("Секретариат Базельской конвенции", "Базельская конвенция об опасных отходах"),
            "ar": ("أمانة اتفاقية بازل", "اتفاقية بازل بشأن النفايات الخطرة"),
            "zh-hans": ("巴塞尔公约秘书处", "关于危险废物的《巴塞尔公约》"),
        },
    ),
    (
        "RC",
        20,
        "https://www.pic.int/",
        {
            "en": (
                "Secretariat of the Rotterdam Convention",
                "Rotterdam Convention on hazardous chemicals and pesticides",
            ),
            "fr": (
                "Secrétariat de la Convention de Rotterdam",
                "Convention de Rotterdam sur les produits chimiques et pesticides dangereux",
            ),
            "es": (
                "Secretaría del Convenio de Rotterdam",
                "Convenio de Rotterdam sobre productos químicos y plaguicidas peligrosos",
            ),
            "ru": (
                "Секретариат Роттердамской конвенции",
                "Роттердамская конвенция об опасных химических веществах и пестицидах",
            ),
            "ar": (
                "أمانة اتفاقية روتردام",
                "اتفاقية روتردام بشأن المواد الكيميائية ومبيدات الآفات الخطرة",
            ),
            "zh-hans": ("鹿特丹公约秘书处", "关于危险化学品和农药的《鹿特丹公约》"),
        },
    ),
    (
        "SC",
        30,
        "https://www.pops.int/",
        {
            "en": (
                "Secretariat of the Stockholm Convention",
                "Stockholm Convention on persistent organic pollutants",
            ),
            "fr": (
                "Secrétariat de la Convention de Stockholm",
                "Convention de Stockholm sur les polluants organiques persistants",
            ),
            "es": (
                "Secretaría del Convenio de Estocolmo",
                "Convenio de Estocolmo sobre contaminantes orgánicos persistentes",
            ),
            "ru": (
                "Секретариат Стокгольмской конвенции",
                "Стокгольмская конвенция о стойких органических загрязнителях",
            ),
            "ar": ("أمانة اتفاقية استكهولم", "اتفاقية استكهولم بشأن الملوثات العضوية الثابتة"),
            "zh-hans": ("斯德哥尔摩公约秘书处", "关于持久性有机污染物的《斯德哥尔摩公约》"),
        },
    ),
    (
        "CITES",
        40,
        "https://cites.org/",
        {
            "en": (
                "CITES Secretariat",
                "Convention on International Trade in Endangered Species of Wild Fauna and Flora",
            ),
            "fr": (
                "Secrétariat de la CITES",
                "Convention sur le commerce international des espèces de faune et de flore sauvages menacées d'extinction",
            ),
            "es": (
                "Secretaría de la CITES",
                "Convención sobre el Comercio Internacional de Especies Amenazadas de Fauna y Flora Silvestres",
            ),
            "ru": (
                "Секретариат СИТЕС",
                "Конвенция о международной торговле видами дикой фауны и флоры, находящимися под угрозой исчезновения",
            ),
            "ar": (
                "أمانة اتفاقية سايتس",
                "اتفاقية الاتجار الدولي بأنواع الحيوانات والنباتات البرية المهددة بالانقراض",
            ),
            "zh-hans": ("濒危物种公约秘书处", "《濒危野生动植物种国际贸易公约》"),
        },
    ),
    (
        "OzS",
        50,
        "https://ozone.unep.org/",
        {
            "en": (
                "Ozone Secretariat",
                "Montreal Protocol on Substances that Deplete the Ozone Layer",
            ),
            "fr": (
                "Secrétariat de l'ozone",
                "Protocole de Montréal relatif à des substances qui appauvrissent la couche d'ozone",
            ),
            "es": (
                "Secretaría del Ozono",
                "Protocolo de Montreal relativo a las sustancias que agotan la capa de ozono",
            ),
            "ru": (
                "Секретариат по озону",
                "Монреальский протокол по веществам, разрушающим озоновый слой",
            ),
            "ar": ("أمانة الأوزون", "بروتوكول مونتريال بشأن المواد المستنفدة لطبقة الأوزون"),
            "zh-hans": ("臭氧秘书处", "《关于消耗臭氧层物质的蒙特利尔议定书》"),
        },
    ),
    (
        "SCBD",
        60,
        "https://bch.cbd.int/protocol",
        {
            "en": (
                "Secretariat of the Convention on Biological Diversity",
                "Cartagena Protocol on Biosafety",
            ),
            "fr": (
                "Secrétariat de la Convention sur la diversité biologique",
                "Protocole de Cartagena sur la prévention des risques biotechnologiques",
            ),
            "es": (
                "Secretaría del Convenio sobre la Diversidad Biológica",
                "Protocolo de Cartagena sobre Seguridad de la Biotecnología",
            ),
            "ru": (
                "Секретариат Конвенции о биологическом разнообразии",
                "Картахенский протокол по биобезопасности",
            ),
            "ar": ("أمانة اتفاقية التنوع البيولوجي", "بروتوكول قرطاجنة للسلامة الأحيائية"),
            "zh-hans": ("生物多样性公约秘书处", "《卡塔赫纳生物安全议定书》"),
        },
    ),
    (
        "OPCW",
        70,
        "https://www.opcw.org/",
        {
            "en": (
                "Organisation for the Prohibition of Chemical Weapons",
                "Chemical Weapons Convention",
            ),
            "fr": (
                "Organisation pour l'interdiction des armes chimiques",
                "Convention sur les armes chimiques",
            ),
            "es": (
                "Organización para la Prohibición de las Armas Químicas",
                "Convención sobre las Armas Químicas",
            ),
            "ru": ("Организация по запрещению химического оружия", "Конвенция о химическом оружии"),
            "ar": ("منظمة حظر الأسلحة الكيميائية", "اتفاقية الأسلحة الكيميائية"),
            "zh-hans": ("禁止化学武器组织", "《化学武器公约》"),
        },
    ),
    (
        "UNEP",
        80,
        "https://www.unep.org/",
        {
            "en": (
                "United Nations Environment Programme",
                "Hosts the Green Customs Secretariat; OzonAction",
            ),
            "fr": (
                "Programme des Nations Unies pour l'environnement",
                "Accueille le Secrétariat de l'Initiative ; OzonAction",
            ),
            "es": (
                "Programa de las Naciones Unidas para el Medio Ambiente",
                "Acoge la Secretaría de la Iniciativa; AcciónOzono",
            ),
            "ru": (
                "Программа Организации Объединённых Наций по окружающей среде",
                "Принимает Секретариат Инициативы; программа «ОзонЭкшн»",
            ),
            "ar": (
                "برنامج الأمم المتحدة للبيئة",
                "يستضيف أمانة المبادرة؛ برنامج العمل من أجل الأوزون",
            ),
            "zh-hans": ("联合国环境规划署", "绿色海关倡议秘书处所在地；臭氧行动"),
        },
    ),
    (
        "WCO",
        90,
        "https://www.wcoomd.org/",
        {
            "en": ("World Customs Organization", "Customs cooperation and enforcement"),
            "fr": (
                "Organisation mondiale des douanes",
                "Coopération douanière et lutte contre la fraude",
            ),
            "es": ("Organización Mundial de Aduanas", "Cooperación aduanera y control"),
            "ru": (
                "Всемирная таможенная организация",
                "Таможенное сотрудничество и правоприменение",
            ),
            "ar": ("منظمة الجمارك العالمية", "التعاون الجمركي وإنفاذ القانون"),
            "zh-hans": ("世界海关组织", "海关合作与执法"),
        },
    ),
    (
        "UNODC",
        100,
        "https://www.unodc.org/",
        {
            "en": (
                "United Nations Office on Drugs and Crime",
                "Transnational organised crime; a Partner since 2009",
            ),
            "fr": (
                "Office des Nations Unies contre la drogue et le crime",
                "Criminalité organisée transnationale ; Partenaire depuis 2009",
            ),
            "es": (
                "Oficina de las Naciones Unidas contra la Droga y el Delito",
                "Delincuencia organizada transnacional; socio desde 2009",
            ),
            "ru": (
                "Управление Организации Объединённых Наций по наркотикам и преступности",
                "Транснациональная организованная преступность; партнёр с 2009 года",
            ),
            "ar": (
                "مكتب الأمم المتحدة المعني بالمخدرات والجريمة",
                "الجريمة المنظمة عبر الوطنية؛ شريك منذ عام 2009",
            ),
            "zh-hans": ("联合国毒品和犯罪问题办公室", "跨国有组织犯罪；自2009年起为伙伴"),
        },
    ),
    (
        "INTERPOL",
        110,
        "https://www.interpol.int/",
        {
            "en": (
                "International Criminal Police Organization",
                "Police cooperation against environmental crime",
            ),
            "fr": (
                "Organisation internationale de police criminelle",
                "Coopération policière contre la criminalité environnementale",
            ),
            "es": (
                "Organización Internacional de Policía Criminal",
                "Cooperación policial contra los delitos ambientales",
            ),
            "ru": (
                "Международная организация уголовной полиции",
                "Полицейское сотрудничество в борьбе с экологической преступностью",
            ),
            "ar": ("المنظمة الدولية للشرطة الجنائية", "التعاون الشرطي لمكافحة الجرائم البيئية"),
            "zh-hans": ("国际刑事警察组织", "打击环境犯罪的警务合作"),
        },
    ),
]

# slug: {language: (title, intro, [paragraphs])}
HOME = {
    "en": (
        "Green Customs Initiative",
        "Helping customs officers stop illegal trade in environmentally sensitive goods.",
        [
            "Customs officers stand at the border when ozone-depleting substances, hazardous wastes, "
            "banned chemicals, endangered species and living modified organisms are traded. The "
            "secretariats of the treaties that control this trade work together with international "
            "organisations so that officers get one set of training and information instead of many.",
            "This site gathers the initiative's events, the Green Customs Guide in the UN languages, "
            "and links to each treaty's national focal points.",
        ],
    ),
    "fr": (
        "Initiative Douanes vertes",
        "Aider les douaniers à mettre fin au commerce illicite de marchandises sensibles pour l'environnement.",
        [
            "Les douaniers sont en première ligne lorsque des substances qui appauvrissent la couche "
            "d'ozone, des déchets dangereux, des produits chimiques interdits, des espèces menacées ou "
            "des organismes vivants modifiés passent la frontière. Les secrétariats des traités qui "
            "encadrent ce commerce travaillent avec des organisations internationales pour offrir aux "
            "agents une formation et une information communes.",
            "Ce site rassemble le calendrier de l'initiative, le Guide des douanes vertes dans les "
            "langues de l'ONU et les liens vers les correspondants nationaux de chaque traité.",
        ],
    ),
    "es": (
        "Iniciativa Aduanas Verdes",
        "Ayudar a los funcionarios de aduanas a detener el comercio ilegal de mercancías sensibles para el medio ambiente.",
        [
            "Los funcionarios de aduanas están en la frontera cuando se comercian sustancias que agotan "
            "la capa de ozono, desechos peligrosos, productos químicos prohibidos, especies amenazadas y "
            "organismos vivos modificados. Las secretarías de los tratados que regulan este comercio "
            "colaboran con organizaciones internacionales para ofrecer a los funcionarios una formación "
            "y una información comunes.",
            "Este sitio reúne el calendario de la iniciativa, la Guía de Aduanas Verdes en los idiomas "
            "de las Naciones Unidas y los enlaces a los puntos focales nacionales de cada tratado.",
        ],
    ),
    "ru": (
        "Инициатива «Зелёная таможня»",
        "Помогаем сотрудникам таможни пресекать незаконную торговлю экологически чувствительными товарами.",
        [
            "Сотрудники таможни находятся на границе, когда перемещаются озоноразрушающие вещества, "
            "опасные отходы, запрещённые химикаты, виды, находящиеся под угрозой исчезновения, и живые "
            "изменённые организмы. Секретариаты договоров, регулирующих эту торговлю, работают вместе с "
            "международными организациями, чтобы сотрудники получали единое обучение и информацию.",
            "На сайте собраны календарь мероприятий Инициативы, Руководство «Зелёная таможня» на языках "
            "ООН и ссылки на национальные координационные центры каждого договора.",
        ],
    ),
    "ar": (
        "مبادرة الجمارك الخضراء",
        "مساعدة موظفي الجمارك على وقف الاتجار غير المشروع بالسلع الحساسة بيئيًا.",
        [
            "يقف موظفو الجمارك على الحدود عندما يجري الاتجار بالمواد المستنفدة لطبقة الأوزون والنفايات "
            "الخطرة والمواد الكيميائية المحظورة والأنواع المهددة بالانقراض والكائنات الحية المحوّرة. "
            "وتعمل أمانات المعاهدات التي تنظم هذه التجارة مع المنظمات الدولية لتقدّم للموظفين تدريبًا "
            "ومعلومات موحّدة.",
            "يجمع هذا الموقع جدول فعاليات المبادرة، ودليل الجمارك الخضراء بلغات الأمم المتحدة، وروابط "
            "إلى جهات الاتصال الوطنية لكل معاهدة.",
        ],
    ),
    "zh-hans": (
        "绿色海关倡议",
        "帮助海关官员制止对环境敏感商品的非法贸易。",
        [
            "当消耗臭氧层物质、危险废物、禁用化学品、濒危物种和改性活生物体跨境贸易时，海关官员站在第一线。"
            "管理这类贸易的各条约秘书处与国际组织合作，为海关官员提供统一的培训和信息。",
            "本网站汇集倡议的活动日历、联合国各语文版本的《绿色海关指南》以及各条约国家联络点的链接。",
        ],
    ),
}

ABOUT = {
    "en": (
        "About the initiative",
        "A partnership of treaty secretariats and international organisations, run by a small Secretariat at UNEP.",
        [
            "The Partners meet once a year. Their fifth meeting took place at the World Customs "
            "Organization in Brussels on 26 and 27 January 2009, during International Customs Day, "
            "whose theme that year was customs and the environment. UNODC joined the meeting for the "
            "first time.",
            "In 2008 the Secretariat completed the Green Customs Guide (September), held workshops in "
            "Venezuela and Ethiopia, and spoke at side events of treaty meetings. The Guide's French and "
            "Spanish versions were being checked, and its Russian and Arabic versions translated.",
            "For 2009 the Partners agreed a provisional plan of workshops, subject to funding, and a set "
            "of action points: sharing planned trainings, updating training materials, and linking to "
            "the focal points of each organisation.",
        ],
    ),
    "fr": (
        "À propos de l'initiative",
        "Un partenariat de secrétariats de traités et d'organisations internationales, animé par un petit Secrétariat au PNUE.",
        [
            "Les Partenaires se réunissent une fois par an. Leur cinquième réunion s'est tenue à "
            "l'Organisation mondiale des douanes, à Bruxelles, les 26 et 27 janvier 2009, pendant la "
            "Journée internationale de la douane, consacrée cette année-là à la douane et à "
            "l'environnement. L'ONUDC y participait pour la première fois.",
            "En 2008, le Secrétariat a achevé le Guide des douanes vertes (septembre), organisé des "
            "ateliers au Venezuela et en Éthiopie et présenté l'initiative lors de réunions des traités. "
            "Les versions française et espagnole du Guide étaient en relecture, les versions russe et "
            "arabe en traduction.",
            "Pour 2009, les Partenaires ont adopté un programme provisoire d'ateliers, sous réserve de "
            "financement, et une série de points d'action : partager les formations prévues, mettre à "
            "jour le matériel de formation et relier les correspondants de chaque organisation.",
        ],
    ),
    "es": (
        "Acerca de la iniciativa",
        "Una asociación de secretarías de tratados y organizaciones internacionales, coordinada por una pequeña Secretaría en el PNUMA.",
        [
            "Los socios se reúnen una vez al año. Su quinta reunión se celebró en la Organización "
            "Mundial de Aduanas, en Bruselas, el 26 y 27 de enero de 2009, durante el Día Internacional "
            "de la Aduana, dedicado ese año a las aduanas y el medio ambiente. La UNODC participó por "
            "primera vez.",
            "En 2008 la Secretaría terminó la Guía de Aduanas Verdes (septiembre), organizó talleres en "
            "Venezuela y Etiopía y presentó la iniciativa en reuniones de los tratados. Las versiones "
            "francesa y española de la Guía estaban en revisión, y las versiones rusa y árabe en "
            "traducción.",
            "Para 2009 los socios acordaron un plan provisional de talleres, sujeto a financiación, y una "
            "serie de puntos de acción: compartir las formaciones previstas, actualizar los materiales de "
            "formación y enlazar con los puntos focales de cada organización.",
        ],
    ),
    "ru": (
        "Об Инициативе",
        "Партнёрство секретариатов договоров и международных организаций, которое координирует небольшой Секретариат в ЮНЕП.",
        [
            "Партнёры встречаются раз в год. Пятое совещание прошло во Всемирной таможенной организации "
            "в Брюсселе 26 и 27 января 2009 года, в Международный день таможенника, посвящённый в тот "
            "год таможне и окружающей среде. УНП ООН участвовало впервые.",
            "В 2008 году Секретариат завершил Руководство «Зелёная таможня» (сентябрь), провёл семинары в "
            "Венесуэле и Эфиопии и представил Инициативу на совещаниях договоров. Французская и испанская "
            "версии Руководства проходили проверку, русская и арабская — перевод.",
            "На 2009 год партнёры согласовали предварительный план семинаров при условии финансирования "
            "и ряд пунктов действий: обмен сведениями о планируемых обучениях, обновление учебных "
            "материалов и ссылки на координационные центры каждой организации.",
        ],
    ),
    "ar": (
        "عن المبادرة",
        "شراكة بين أمانات المعاهدات ومنظمات دولية، تديرها أمانة صغيرة في برنامج الأمم المتحدة للبيئة.",
        [
            "يجتمع الشركاء مرة كل عام. وعُقد اجتماعهم الخامس في منظمة الجمارك العالمية في بروكسل يومي "
            "26 و27 كانون الثاني/يناير 2009، خلال اليوم الدولي للجمارك الذي خُصص في ذلك العام للجمارك "
            "والبيئة. وشارك مكتب الأمم المتحدة المعني بالمخدرات والجريمة للمرة الأولى.",
            "في عام 2008 أنجزت الأمانة دليل الجمارك الخضراء (أيلول/سبتمبر)، ونظّمت حلقات عمل في فنزويلا "
            "وإثيوبيا، وعرضت المبادرة في اجتماعات المعاهدات. وكانت النسختان الفرنسية والإسبانية من الدليل "
            "قيد المراجعة، والنسختان الروسية والعربية قيد الترجمة.",
            "واتفق الشركاء لعام 2009 على خطة مؤقتة لحلقات العمل رهنًا بالتمويل، وعلى مجموعة من نقاط العمل: "
            "تبادل الدورات التدريبية المخططة، وتحديث المواد التدريبية، والربط بجهات الاتصال لدى كل منظمة.",
        ],
    ),
    "zh-hans": (
        "关于倡议",
        "由条约秘书处和国际组织组成的伙伴关系，由设在环境署的一个小型秘书处负责运作。",
        [
            "伙伴每年召开一次会议。第五次会议于2009年1月26日至27日在布鲁塞尔世界海关组织总部举行，"
            "适逢当年以海关与环境为主题的国际海关日。联合国毒品和犯罪问题办公室首次参会。",
            "2008年，秘书处完成了《绿色海关指南》（9月），在委内瑞拉和埃塞俄比亚举办了讲习班，"
            "并在各条约会议的边会上介绍了倡议。指南的法文和西班牙文版本正在审校，俄文和阿拉伯文版本正在翻译。",
            "伙伴们就2009年达成了一项视资金情况而定的临时讲习班计划，以及一系列行动要点："
            "分享计划中的培训、更新培训材料，以及链接到各组织的联络点。",
        ],
    ),
}

PARTNERS = {
    "en": ("Partners", "The organisations that make up the Green Customs Initiative.", []),
    "fr": ("Partenaires", "Les organisations qui composent l'Initiative Douanes vertes.", []),
    "es": ("Socios", "Las organizaciones que integran la Iniciativa Aduanas Verdes.", []),
    "ru": ("Партнёры", "Организации, входящие в Инициативу «Зелёная таможня».", []),
    "ar": ("الشركاء", "المنظمات التي تتألف منها مبادرة الجمارك الخضراء.", []),
    "zh-hans": ("伙伴", "组成绿色海关倡议的各个组织。", []),
}

PARTNERS_AREA = {
    "en": ("Partners area", "Work shared by the Partners and the Secretariat.", []),
    "fr": ("Espace des Partenaires", "Le travail partagé des Partenaires et du Secrétariat.", []),
    "es": ("Área de socios", "El trabajo compartido de los socios y la Secretaría.", []),
    "ru": ("Раздел для партнёров", "Совместная работа партнёров и Секретариата.", []),
    "ar": ("منطقة الشركاء", "العمل المشترك بين الشركاء والأمانة.", []),
    "zh-hans": ("伙伴专区", "伙伴与秘书处的共同工作。", []),
}

MEETING_NOTES = {
    "en": (
        "Fifth Partners meeting: follow-up",
        "What the Partners agreed in Brussels, and who follows it up.",
        [
            "The Partners asked the Secretariat to put planned workshops and side events on the "
            "calendar, to send the translated Guide to them for review before it is finished, and to "
            "gather the training materials in one place they can all use.",
            "Each Partner undertook to share its planned trainings, to send links to its focal-point "
            "lists, and to say whether it wishes to review each translation.",
        ],
    ),
    "fr": (
        "Cinquième réunion des Partenaires : suivi",
        "Ce que les Partenaires ont décidé à Bruxelles, et qui en assure le suivi.",
        [
            "Les Partenaires ont demandé au Secrétariat d'inscrire au calendrier les ateliers et "
            "manifestations parallèles prévus, de leur soumettre le Guide traduit avant sa version "
            "définitive et de réunir en un seul endroit le matériel de formation.",
            "Chaque Partenaire s'est engagé à partager ses formations prévues, à envoyer les liens "
            "vers ses listes de correspondants et à dire s'il souhaite relire chaque traduction.",
        ],
    ),
    "es": (
        "Quinta reunión de socios: seguimiento",
        "Lo que los socios acordaron en Bruselas y quién se encarga del seguimiento.",
        [
            "Los socios pidieron a la Secretaría que incluyera en el calendario los talleres y "
            "eventos paralelos previstos, que les enviara la Guía traducida para su revisión antes "
            "de terminarla y que reuniera en un solo lugar los materiales de formación.",
            "Cada socio se comprometió a compartir sus formaciones previstas, enviar los enlaces a "
            "sus listas de puntos focales e indicar si desea revisar cada traducción.",
        ],
    ),
    "ru": (
        "Пятое совещание партнёров: выполнение решений",
        "Что партнёры решили в Брюсселе и кто отвечает за выполнение.",
        [
            "Партнёры попросили Секретариат вносить в календарь планируемые семинары и параллельные "
            "мероприятия, направлять им переведённое Руководство на проверку до его завершения и "
            "собрать учебные материалы в одном месте.",
            "Каждый партнёр обязался сообщать о планируемых обучениях, прислать ссылки на свои "
            "списки координационных центров и сообщить, желает ли он проверять каждый перевод.",
        ],
    ),
    "ar": (
        "الاجتماع الخامس للشركاء: المتابعة",
        "ما اتفق عليه الشركاء في بروكسل، ومن يتولى متابعته.",
        [
            "طلب الشركاء من الأمانة إدراج حلقات العمل والفعاليات الجانبية المقررة في جدول الفعاليات، "
            "وإرسال الدليل المترجم إليهم لمراجعته قبل إنجازه، وجمع المواد التدريبية في مكان واحد.",
            "وتعهّد كل شريك بتبادل معلومات الدورات التدريبية المقررة، وإرسال روابط قوائم جهات الاتصال "
            "لديه، والإفادة بما إذا كان يرغب في مراجعة كل ترجمة.",
        ],
    ),
    "zh-hans": (
        "第五次伙伴会议：后续行动",
        "伙伴们在布鲁塞尔商定的事项及其后续负责方。",
        [
            "伙伴们请秘书处将计划中的讲习班和边会列入日历，在指南译本定稿前送交伙伴审阅，"
            "并将培训材料集中到一处供大家使用。",
            "每个伙伴承诺分享其计划中的培训，提供其联络点名单的链接，并说明是否希望审阅每一种译本。",
        ],
    ),
}

# Demo people: (email, first name, last name, group, organisation acronym)
USERS = [
    ("secretariat@greencustoms.example", "Sam", "Secretariat", "Secretariat", "UNEP"),
    ("cites.partner@greencustoms.example", "Camille", "Partner", "Partners", "CITES"),
    ("wco.partner@greencustoms.example", "Wen", "Partner", "Partners", "WCO"),
]
