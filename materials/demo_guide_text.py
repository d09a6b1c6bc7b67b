"""Demo text of the Green Customs Guide: English source and its translations.

Written for this project's demo; the Russian and Arabic translations are partial on purpose
(the review of those languages is "underway").
"""

GUIDE = {
    "title": {
        "en": "Green Customs Guide",
        "fr": "Guide Douanes vertes",
        "es": "Guía de Aduanas Verdes",
        "ru": "Руководство «Зеленая таможня»",
        "ar": "دليل الجمارك الخضراء",
    },
    "intro": {
        "en": (
            "This guide explains how customs officers can help enforce the multilateral "
            "environmental agreements that regulate trade in hazardous wastes, chemicals, "
            "endangered species, ozone-depleting substances, living modified organisms and "
            "chemical weapons precursors. Each chapter sums up what an agreement controls, which "
            "documents to ask for and which warning signs deserve a closer look. It is a practical "
            "starting point and does not replace national legislation or the official texts of the "
            "agreements."
        ),
        "fr": (
            "Ce guide explique comment les agents des douanes peuvent contribuer à l'application "
            "des accords multilatéraux sur l'environnement qui réglementent le commerce des "
            "déchets dangereux, des produits chimiques, des espèces menacées d'extinction, des "
            "substances qui appauvrissent la couche d'ozone, des organismes vivants modifiés et "
            "des précurseurs d'armes chimiques. Chaque chapitre résume ce que contrôle un accord, "
            "les documents à demander et les signaux d'alerte qui justifient un examen plus "
            "approfondi. Il constitue un point de départ pratique et ne remplace ni la législation "
            "nationale ni les textes officiels des accords."
        ),
        "es": (
            "Esta guía explica cómo los funcionarios de aduanas pueden contribuir a la aplicación "
            "de los acuerdos ambientales multilaterales que regulan el comercio de desechos "
            "peligrosos, productos químicos, especies amenazadas, sustancias que agotan la capa de "
            "ozono, organismos vivos modificados y precursores de armas químicas. Cada capítulo "
            "resume lo que controla un acuerdo, qué documentos deben solicitarse y qué señales de "
            "alerta merecen un examen más detenido. Es un punto de partida práctico y no sustituye "
            "a la legislación nacional ni a los textos oficiales de los acuerdos."
        ),
        "ru": (
            "В настоящем руководстве объясняется, как сотрудники таможни могут содействовать "
            "соблюдению многосторонних природоохранных соглашений, регулирующих торговлю опасными "
            "отходами, химическими веществами, видами, находящимися под угрозой исчезновения, "
            "озоноразрушающими веществами, живыми измененными организмами и прекурсорами "
            "химического оружия. В каждой главе кратко описывается, что контролирует то или иное "
            "соглашение, какие документы следует запрашивать и какие признаки требуют более "
            "тщательной проверки. Руководство служит практической отправной точкой и не заменяет "
            "ни национальное законодательство, ни официальные тексты соглашений."
        ),
        "ar": (
            "يشرح هذا الدليل كيف يمكن لموظفي الجمارك أن يساهموا في إنفاذ الاتفاقات البيئية "
            "المتعددة الأطراف التي تنظم الاتجار بالنفايات الخطرة والمواد الكيميائية والأنواع "
            "المهددة بالانقراض والمواد المستنفدة لطبقة الأوزون والكائنات الحية المحورة وسلائف "
            "الأسلحة الكيميائية. ويلخص كل فصل ما يخضع لرقابة الاتفاق المعني، والوثائق التي ينبغي "
            "طلبها، وعلامات الإنذار التي تستدعي فحصاً أدق. والدليل نقطة انطلاق عملية، ولا يحل محل "
            "التشريعات الوطنية ولا النصوص الرسمية للاتفاقات."
        ),
    },
    "chapters": [
        {
            "slug": "why-customs-matter",
            "title": {
                "en": "Why customs matter to environmental agreements",
                "fr": "Pourquoi les douanes sont essentielles aux accords sur l'environnement",
                "es": "Por qué las aduanas son clave para los acuerdos ambientales",
                "ru": "Почему таможня важна для природоохранных соглашений",
                "ar": "أهمية الجمارك للاتفاقات البيئية",
            },
            "summary": {
                "en": (
                    "Customs officers work at the point where illegal trade in environmentally "
                    "sensitive goods can be detected and stopped."
                ),
                "fr": (
                    "Les agents des douanes interviennent là où le commerce illicite de "
                    "marchandises sensibles pour l'environnement peut être détecté et arrêté."
                ),
                "es": (
                    "Los funcionarios de aduanas trabajan en el punto donde puede detectarse y "
                    "detenerse el comercio ilícito de mercancías sensibles para el medio ambiente."
                ),
                "ru": (
                    "Сотрудники таможни работают именно там, где можно выявить и пресечь "
                    "незаконную торговлю экологически чувствительными товарами."
                ),
                "ar": (
                    "يعمل موظفو الجمارك في النقطة التي يمكن فيها كشف الاتجار غير المشروع بالسلع "
                    "الحساسة بيئياً ووقفه."
                ),
            },
            "blocks": [
                (
                    "heading",
                    {
                        "en": "A border role for environmental protection",
                        "fr": "Un rôle à la frontière pour protéger l'environnement",
                        "es": "Una función fronteriza al servicio del medio ambiente",
                        "ru": "Охрана окружающей среды на границе",
                        "ar": "دور حدودي في حماية البيئة",
                    },
                ),
                (
                    "paragraph",
                    {
                        "en": (
                            "Several multilateral environmental agreements do not ban the goods "
                            "they cover outright but control their international trade through "
                            "permits, licences and the prior consent of the countries involved. "
                            "These controls only work if shipments are checked as they cross "
                            "borders, and customs administrations have both the mandate and the "
                            "presence to do so. Illegal trade in wastes, chemicals, wildlife and "
                            "ozone-depleting substances harms health and ecosystems, undercuts "
                            "legitimate business and is often linked to fraud and organised crime."
                        ),
                        "fr": (
                            "Plusieurs accords multilatéraux sur l'environnement n'interdisent pas "
                            "purement et simplement les marchandises qu'ils visent, mais en "
                            "contrôlent le commerce international au moyen de permis, de licences "
                            "et du consentement préalable des pays concernés. Ces contrôles ne "
                            "sont efficaces que si les envois sont vérifiés au passage des "
                            "frontières, et les administrations douanières disposent à la fois du "
                            "mandat et de la présence nécessaires pour le faire. Le commerce "
                            "illicite de déchets, de produits chimiques, d'espèces sauvages et de "
                            "substances qui appauvrissent la couche d'ozone nuit à la santé et aux "
                            "écosystèmes, pénalise les entreprises légitimes et est souvent lié à "
                            "la fraude et à la criminalité organisée."
                        ),
                        "es": (
                            "Varios acuerdos ambientales multilaterales no prohíben sin más las "
                            "mercancías que abarcan, sino que controlan su comercio internacional "
                            "mediante permisos, licencias y el consentimiento previo de los países "
                            "involucrados. Estos controles solo funcionan si los envíos se "
                            "verifican al cruzar las fronteras, y las administraciones de aduanas "
                            "cuentan con el mandato y la presencia necesarios para hacerlo. El "
                            "comercio ilícito de desechos, productos químicos, vida silvestre y "
                            "sustancias que agotan la capa de ozono daña la salud y los "
                            "ecosistemas, perjudica a las empresas legítimas y suele estar "
                            "vinculado al fraude y a la delincuencia organizada."
                        ),
                        "ru": (
                            "Ряд многосторонних природоохранных соглашений не запрещает "
                            "охватываемые ими товары полностью, а контролирует международную "
                            "торговлю ими с помощью разрешений, лицензий и предварительного "
                            "согласия соответствующих стран. Такой контроль действует лишь в том "
                            "случае, если грузы проверяются при пересечении границы, а таможенные "
                            "органы обладают для этого и необходимыми полномочиями, и присутствием "
                            "на местах. Незаконная торговля отходами, химическими веществами, "
                            "объектами дикой природы и озоноразрушающими веществами наносит ущерб "
                            "здоровью людей и экосистемам, подрывает законный бизнес и нередко "
                            "связана с мошенничеством и организованной преступностью."
                        ),
                        "ar": (
                            "لا تحظر عدة اتفاقات بيئية متعددة الأطراف السلع التي تشملها حظراً "
                            "تاماً، بل تراقب الاتجار الدولي بها من خلال التصاريح والتراخيص "
                            "والموافقة المسبقة للبلدان المعنية. ولا تكون هذه الضوابط فعالة إلا إذا "
                            "فُحصت الشحنات عند عبورها الحدود، وإدارات الجمارك هي التي تملك الولاية "
                            "والحضور اللازمين للقيام بذلك. ويضر الاتجار غير المشروع بالنفايات "
                            "والمواد الكيميائية والأحياء البرية والمواد المستنفدة لطبقة الأوزون "
                            "بالصحة والنظم الإيكولوجية، ويقوض الأعمال التجارية المشروعة، وكثيراً "
                            "ما يرتبط بالاحتيال والجريمة المنظمة."
                        ),
                    },
                ),
                (
                    "heading",
                    {
                        "en": "The Green Customs partnership",
                        "fr": "Le partenariat Douanes vertes",
                        "es": "La alianza de Aduanas Verdes",
                        "ru": "Партнерство «Зеленая таможня»",
                        "ar": "شراكة الجمارك الخضراء",
                    },
                ),
                (
                    "paragraph",
                    {
                        "en": (
                            "The Green Customs Initiative brings together the secretariats of the "
                            "Basel, Rotterdam and Stockholm conventions, CITES, the Montreal "
                            "Protocol and the Cartagena Protocol on Biosafety, alongside the "
                            "Organisation for the Prohibition of Chemical Weapons, UNEP, the World "
                            "Customs Organization, UNODC and Interpol. Instead of each agreement "
                            "approaching customs on its own, the partners pool their efforts in "
                            "awareness-raising, joint training and shared materials. The aim is to "
                            "give frontline officers one coherent picture of trade-related "
                            "environmental issues."
                        ),
                        "fr": (
                            "L'Initiative Douanes vertes réunit les secrétariats des conventions "
                            "de Bâle, de Rotterdam et de Stockholm, de la CITES, du Protocole de "
                            "Montréal et du Protocole de Cartagena sur la prévention des risques "
                            "biotechnologiques, aux côtés de l'Organisation pour l'interdiction "
                            "des armes chimiques, du PNUE, de l'Organisation mondiale des douanes, "
                            "de l'ONUDC et d'INTERPOL. Plutôt que de voir chaque accord s'adresser "
                            "séparément aux douanes, les partenaires mettent en commun leurs "
                            "efforts de sensibilisation, de formation conjointe et de production "
                            "de supports. L'objectif est d'offrir aux agents de première ligne une "
                            "vision cohérente des questions environnementales liées au commerce."
                        ),
                        "es": (
                            "La Iniciativa Aduanas Verdes reúne a las secretarías de los convenios "
                            "de Basilea, Rotterdam y Estocolmo, la CITES, el Protocolo de Montreal "
                            "y el Protocolo de Cartagena sobre Seguridad de la Biotecnología, "
                            "junto con la Organización para la Prohibición de las Armas Químicas, "
                            "el PNUMA, la Organización Mundial de Aduanas, la UNODC e INTERPOL. En "
                            "lugar de que cada acuerdo se dirija por separado a las aduanas, los "
                            "asociados aúnan esfuerzos en materia de sensibilización, capacitación "
                            "conjunta y materiales compartidos. El objetivo es ofrecer a los "
                            "funcionarios de primera línea una visión coherente de las cuestiones "
                            "ambientales relacionadas con el comercio."
                        ),
                        "ru": (
                            "Инициатива «Зеленая таможня» объединяет секретариаты Базельской, "
                            "Роттердамской и Стокгольмской конвенций, СИТЕС, Монреальского "
                            "протокола и Картахенского протокола по биобезопасности, а также "
                            "Организацию по запрещению химического оружия, ЮНЕП, Всемирную "
                            "таможенную организацию, УНП ООН и Интерпол. Вместо того чтобы каждое "
                            "соглашение взаимодействовало с таможней по отдельности, партнеры "
                            "объединяют усилия в области повышения осведомленности, совместного "
                            "обучения и подготовки общих материалов. Цель состоит в том, чтобы "
                            "дать сотрудникам, работающим непосредственно на границе, целостное "
                            "представление о связанных с торговлей экологических вопросах."
                        ),
                        "ar": (
                            "تجمع مبادرة الجمارك الخضراء أمانات اتفاقيات بازل وروتردام واستكهولم، "
                            "واتفاقية سايتس، وبروتوكول مونتريال، وبروتوكول قرطاجنة للسلامة "
                            "الأحيائية، إلى جانب منظمة حظر الأسلحة الكيميائية، وبرنامج الأمم "
                            "المتحدة للبيئة، ومنظمة الجمارك العالمية، ومكتب الأمم المتحدة المعني "
                            "بالمخدرات والجريمة، والإنتربول. وبدلاً من أن يتعامل كل اتفاق مع "
                            "الجمارك على حدة، يوحد الشركاء جهودهم في مجالات التوعية والتدريب "
                            "المشترك وإعداد المواد المشتركة. والهدف هو تزويد موظفي الخطوط الأمامية "
                            "بصورة متسقة عن القضايا البيئية المتصلة بالتجارة."
                        ),
                    },
                ),
                (
                    "heading",
                    {
                        "en": "What a customs officer can do",
                        "fr": "Ce que peut faire un agent des douanes",
                        "es": "Qué puede hacer un funcionario de aduanas",
                        "ru": "Что может сделать сотрудник таможни",
                        "ar": "ما يمكن لموظف الجمارك القيام به",
                    },
                ),
                (
                    "paragraph",
                    {
                        "en": (
                            "Officers can check that the documents required by each agreement are "
                            "present, valid and consistent with the goods declared. They can use "
                            "risk profiling to select consignments for inspection, detain "
                            "suspicious shipments and call on the competent national authority for "
                            "expert advice. Recording and sharing information on seizures helps "
                            "other administrations target the same routes and traders."
                        ),
                        "fr": (
                            "Les agents peuvent vérifier que les documents exigés par chaque "
                            "accord sont présents, valides et cohérents avec les marchandises "
                            "déclarées. Ils peuvent recourir au profilage des risques pour "
                            "sélectionner les envois à inspecter, retenir les envois suspects et "
                            "faire appel à l'autorité nationale compétente pour obtenir un avis "
                            "d'expert. L'enregistrement et le partage des informations sur les "
                            "saisies aident d'autres administrations à cibler les mêmes "
                            "itinéraires et les mêmes opérateurs."
                        ),
                        "es": (
                            "Los funcionarios pueden comprobar que los documentos exigidos por "
                            "cada acuerdo estén presentes, sean válidos y concuerden con las "
                            "mercancías declaradas. Pueden recurrir a perfiles de riesgo para "
                            "seleccionar los envíos que se inspeccionarán, retener los envíos "
                            "sospechosos y solicitar el asesoramiento técnico de la autoridad "
                            "nacional competente. Registrar y compartir la información sobre las "
                            "incautaciones ayuda a otras administraciones a centrar sus controles "
                            "en las mismas rutas y los mismos operadores."
                        ),
                        "ru": (
                            "Сотрудники могут проверять, имеются ли документы, требуемые каждым "
                            "соглашением, действительны ли они и соответствуют ли "
                            "задекларированным товарам. Они могут использовать профилирование "
                            "рисков для отбора партий на досмотр, задерживать подозрительные грузы "
                            "и обращаться за экспертной консультацией к компетентному "
                            "национальному органу. Регистрация сведений об изъятиях и обмен ими "
                            "помогают другим таможенным органам сосредоточить внимание на тех же "
                            "маршрутах и участниках торговли."
                        ),
                        "ar": (
                            "يمكن للموظفين التحقق من أن الوثائق التي يشترطها كل اتفاق موجودة "
                            "وسارية ومتسقة مع السلع المصرح بها. ويمكنهم استخدام تحديد سمات المخاطر "
                            "لاختيار الشحنات التي ستخضع للتفتيش، واحتجاز الشحنات المشبوهة، "
                            "والاستعانة بالسلطة الوطنية المختصة للحصول على مشورة الخبراء. ويساعد "
                            "تسجيل المعلومات عن المضبوطات وتبادلها الإدارات الأخرى على استهداف "
                            "المسارات والتجار أنفسهم."
                        ),
                    },
                ),
                (
                    "note",
                    {
                        "kind": "tip",
                        "text": {
                            "en": (
                                "Keep an up-to-date list of the national focal points and "
                                "competent authorities for each agreement at your post, so that "
                                "you know whom to call when a shipment raises doubts."
                            ),
                            "fr": (
                                "Conservez à votre poste une liste à jour des points focaux "
                                "nationaux et des autorités compétentes pour chaque accord, afin "
                                "de savoir qui appeler lorsqu'un envoi suscite des doutes."
                            ),
                            "es": (
                                "Tenga en su puesto una lista actualizada de los puntos focales "
                                "nacionales y de las autoridades competentes de cada acuerdo, para "
                                "saber a quién llamar cuando un envío suscite dudas."
                            ),
                            "ru": (
                                "Держите на своем посту актуальный список национальных "
                                "координационных центров и компетентных органов по каждому "
                                "соглашению, чтобы знать, к кому обратиться, если груз вызывает "
                                "сомнения."
                            ),
                            "ar": (
                                "احتفظ في مركز عملك بقائمة محدثة بمراكز التنسيق الوطنية والسلطات "
                                "المختصة لكل اتفاق، حتى تعرف بمن تتصل عندما تثير شحنة ما الشكوك."
                            ),
                        },
                    },
                ),
                (
                    "treaty",
                    {
                        "treaty": "cites",
                        "text": {
                            "en": (
                                "CITES, in force since 1975, is the oldest of the trade-related "
                                "agreements covered by this guide, and its permit system has "
                                "relied on customs checks at the border from the start."
                            ),
                            "fr": (
                                "En vigueur depuis 1975, la CITES est le plus ancien des accords "
                                "liés au commerce présentés dans ce guide, et son système de "
                                "permis repose depuis l'origine sur les contrôles douaniers aux "
                                "frontières."
                            ),
                            "es": (
                                "En vigor desde 1975, la CITES es el más antiguo de los acuerdos "
                                "relacionados con el comercio que se presentan en esta guía, y su "
                                "sistema de permisos se apoya desde el principio en los controles "
                                "aduaneros en frontera."
                            ),
                            "ru": (
                                "СИТЕС, действующая с 1975 года, является старейшим из "
                                "рассматриваемых в настоящем руководстве соглашений, связанных с "
                                "торговлей, и ее система разрешений с самого начала опирается на "
                                "таможенный контроль на границе."
                            ),
                            "ar": (
                                "اتفاقية سايتس، النافذة منذ عام 1975، هي أقدم الاتفاقات المتصلة "
                                "بالتجارة التي يتناولها هذا الدليل، وقد اعتمد نظام التصاريح الخاص "
                                "بها منذ البداية على الرقابة الجمركية على الحدود."
                            ),
                        },
                    },
                ),
            ],
        },
        {
            "slug": "hazardous-waste-basel",
            "title": {
                "en": "Hazardous waste and the Basel Convention",
                "fr": "Les déchets dangereux et la Convention de Bâle",
                "es": "Los desechos peligrosos y el Convenio de Basilea",
                "ru": "Опасные отходы и Базельская конвенция",
                "ar": "النفايات الخطرة واتفاقية بازل",
            },
            "summary": {
                "en": (
                    "The Basel Convention makes transboundary movements of hazardous and other "
                    "wastes conditional on the prior informed consent of the countries concerned."
                ),
                "fr": (
                    "La Convention de Bâle subordonne les mouvements transfrontières de déchets "
                    "dangereux et d'autres déchets au consentement préalable en connaissance de "
                    "cause des pays concernés."
                ),
                "es": (
                    "El Convenio de Basilea supedita los movimientos transfronterizos de desechos "
                    "peligrosos y otros desechos al consentimiento fundamentado previo de los "
                    "países afectados."
                ),
                "ru": (
                    "Базельская конвенция ставит трансграничную перевозку опасных и других отходов "
                    "в зависимость от предварительного обоснованного согласия заинтересованных "
                    "стран."
                ),
                "ar": (
                    "تجعل اتفاقية بازل نقل النفايات الخطرة والنفايات الأخرى عبر الحدود مشروطاً "
                    "بالموافقة المسبقة عن علم من البلدان المعنية."
                ),
            },
            "blocks": [
                (
                    "heading",
                    {
                        "en": "How the Basel control system works",
                        "fr": "Fonctionnement du système de contrôle de Bâle",
                        "es": "Cómo funciona el sistema de control de Basilea",
                        "ru": "Как действует система контроля Базельской конвенции",
                        "ar": "كيف يعمل نظام الرقابة في اتفاقية بازل",
                    },
                ),
                (
                    "treaty",
                    {
                        "treaty": "basel",
                        "text": {
                            "en": (
                                "The Basel Convention on the Control of Transboundary Movements of "
                                "Hazardous Wastes and their Disposal was adopted in 1989 and "
                                "entered into force in 1992. It aims to reduce the generation of "
                                "hazardous wastes and to ensure that they are managed in an "
                                "environmentally sound manner, as close as possible to where they "
                                "are produced."
                            ),
                            "fr": (
                                "La Convention de Bâle sur le contrôle des mouvements "
                                "transfrontières de déchets dangereux et de leur élimination a été "
                                "adoptée en 1989 et est entrée en vigueur en 1992. Elle vise à "
                                "réduire la production de déchets dangereux et à garantir leur "
                                "gestion écologiquement rationnelle, aussi près que possible du "
                                "lieu où ils sont produits."
                            ),
                            "es": (
                                "El Convenio de Basilea sobre el control de los movimientos "
                                "transfronterizos de los desechos peligrosos y su eliminación se "
                                "aprobó en 1989 y entró en vigor en 1992. Su objetivo es reducir "
                                "la generación de desechos peligrosos y garantizar su manejo "
                                "ambientalmente racional, lo más cerca posible del lugar donde se "
                                "generan."
                            ),
                            "ru": (
                                "Базельская конвенция о контроле за трансграничной перевозкой "
                                "опасных отходов и их удалением была принята в 1989 году и "
                                "вступила в силу в 1992 году. Ее цель — сократить образование "
                                "опасных отходов и обеспечить экологически обоснованное обращение "
                                "с ними как можно ближе к месту их образования."
                            ),
                            "ar": (
                                "اعتُمدت اتفاقية بازل بشأن التحكم في نقل النفايات الخطرة والتخلص "
                                "منها عبر الحدود في عام 1989، ودخلت حيز النفاذ في عام 1992. وتهدف "
                                "إلى الحد من توليد النفايات الخطرة وضمان إدارتها إدارة سليمة "
                                "بيئياً في أقرب مكان ممكن من موقع توليدها."
                            ),
                        },
                    },
                ),
                (
                    "paragraph",
                    {
                        "en": (
                            "Before hazardous wastes or other wastes covered by the Convention can "
                            "be exported, the country of export must notify the countries of "
                            "import and transit and obtain their written consent. Each shipment "
                            "must then travel with a movement document, and the disposer must "
                            "confirm that the wastes have been received and disposed of. A "
                            "movement made without these steps, or with consent obtained through "
                            "falsification or fraud, is illegal traffic, which the Parties "
                            "consider a criminal act."
                        ),
                        "fr": (
                            "Avant que des déchets dangereux ou d'autres déchets visés par la "
                            "Convention puissent être exportés, le pays d'exportation doit "
                            "adresser une notification aux pays d'importation et de transit et "
                            "obtenir leur consentement écrit. Chaque envoi doit ensuite être "
                            "accompagné d'un document de mouvement, et l'éliminateur doit "
                            "confirmer la réception et l'élimination des déchets. Un mouvement "
                            "effectué sans ces étapes, ou avec un consentement obtenu par "
                            "falsification ou par fraude, constitue un trafic illicite, que les "
                            "Parties considèrent comme un acte criminel."
                        ),
                        "es": (
                            "Antes de exportar desechos peligrosos u otros desechos comprendidos "
                            "en el Convenio, el país de exportación debe notificarlo a los países "
                            "de importación y de tránsito y obtener su consentimiento por escrito. "
                            "Luego, cada envío debe ir acompañado de un documento de movimiento, y "
                            "el eliminador debe confirmar que ha recibido y eliminado los "
                            "desechos. Todo movimiento realizado sin estos pasos, o con un "
                            "consentimiento obtenido mediante falsificación o fraude, constituye "
                            "tráfico ilícito, que las Partes consideran delictivo."
                        ),
                        "ru": (
                            "Прежде чем опасные или другие отходы, на которые распространяется "
                            "Конвенция, могут быть экспортированы, страна экспорта должна "
                            "уведомить страны импорта и транзита и получить их письменное "
                            "согласие. Затем каждая партия должна сопровождаться документом о "
                            "перевозке, а лицо, осуществляющее удаление, должно подтвердить "
                            "получение и удаление отходов. Перевозка, осуществленная без "
                            "соблюдения этих этапов или на основании согласия, полученного путем "
                            "фальсификации или обмана, является незаконным оборотом, который "
                            "Стороны считают уголовным преступлением."
                        ),
                        "ar": (
                            "قبل تصدير النفايات الخطرة أو النفايات الأخرى التي تشملها الاتفاقية، "
                            "يجب على دولة التصدير إخطار دولة الاستيراد ودول العبور والحصول على "
                            "موافقتها الكتابية. ثم يجب أن تصاحب كل شحنة وثيقة نقل، وأن يؤكد "
                            "المتخلص من النفايات تسلمها والتخلص منها. وأي نقل يتم دون هذه الخطوات، "
                            "أو بموافقة تم الحصول عليها بالتزوير أو الاحتيال، يُعد اتجاراً غير "
                            "مشروع تعتبره الأطراف عملاً إجرامياً."
                        ),
                    },
                ),
                (
                    "heading",
                    {
                        "en": "Electronic waste and disguised shipments",
                        "fr": "Déchets électroniques et envois déguisés",
                        "es": "Desechos electrónicos y envíos encubiertos",
                        "ru": "Электронные отходы и замаскированные грузы",
                        "ar": "النفايات الإلكترونية والشحنات المموهة",
                    },
                ),
                (
                    "paragraph",
                    {
                        "en": (
                            "Discarded electrical and electronic equipment is a frequent concern "
                            "because it can contain lead, mercury, cadmium or brominated flame "
                            "retardants. Used equipment is sometimes declared as second-hand goods "
                            "for reuse when it is in fact broken and destined for crude "
                            "dismantling or dumping. Untested appliances packed without "
                            "protection, loose circuit boards and old cathode-ray tube monitors "
                            "are typical signs that a consignment may be waste rather than a "
                            "product."
                        ),
                        "fr": (
                            "Les équipements électriques et électroniques mis au rebut sont un "
                            "sujet de préoccupation fréquent, car ils peuvent contenir du plomb, "
                            "du mercure, du cadmium ou des retardateurs de flamme bromés. Des "
                            "équipements usagés sont parfois déclarés comme biens d'occasion "
                            "destinés à la réutilisation alors qu'ils sont en réalité hors d'usage "
                            "et voués à un démantèlement sommaire ou à une mise en décharge. Des "
                            "appareils non testés emballés sans protection, des cartes de circuits "
                            "imprimés en vrac et de vieux moniteurs à tube cathodique sont des "
                            "indices typiques qu'un envoi pourrait être un déchet plutôt qu'un "
                            "produit."
                        ),
                        "es": (
                            "Los aparatos eléctricos y electrónicos desechados son motivo "
                            "frecuente de preocupación, ya que pueden contener plomo, mercurio, "
                            "cadmio o retardantes de llama bromados. A veces se declaran equipos "
                            "usados como bienes de segunda mano para su reutilización cuando en "
                            "realidad están averiados y destinados a un desmontaje rudimentario o "
                            "a su vertido. Los aparatos sin probar embalados sin protección, las "
                            "placas de circuitos sueltas y los viejos monitores de tubo de rayos "
                            "catódicos son indicios típicos de que un envío puede ser un desecho y "
                            "no un producto."
                        ),
                        "ru": (
                            "Выброшенное электрическое и электронное оборудование вызывает особую "
                            "обеспокоенность, поскольку может содержать свинец, ртуть, кадмий или "
                            "бромированные антипирены. Бывшее в употреблении оборудование иногда "
                            "декларируется как подержанные товары для повторного использования, "
                            "хотя на самом деле оно неисправно и предназначено для примитивной "
                            "разборки или сброса на свалку. Непроверенные приборы, упакованные без "
                            "защиты, россыпь печатных плат и старые мониторы с электронно-лучевой "
                            "трубкой — типичные признаки того, что груз может представлять собой "
                            "отходы, а не продукцию."
                        ),
                        "ar": (
                            "تثير المعدات الكهربائية والإلكترونية المهملة قلقاً متكرراً لأنها قد "
                            "تحتوي على الرصاص أو الزئبق أو الكادميوم أو مثبطات اللهب المبرومة. "
                            "ويُصرَّح أحياناً عن المعدات المستعملة على أنها سلع مستعملة معدة "
                            "لإعادة الاستخدام، في حين أنها معطلة في الواقع ومعدة للتفكيك البدائي "
                            "أو الإلقاء. وتُعد الأجهزة غير المختبرة المعبأة دون حماية، ولوحات "
                            "الدوائر المفككة، وشاشات أنابيب الأشعة الكاثودية القديمة علامات "
                            "نموذجية على أن الشحنة قد تكون نفايات لا منتجات."
                        ),
                    },
                ),
                (
                    "heading",
                    {
                        "en": "Documents to check and red flags",
                        "fr": "Documents à vérifier et signaux d'alerte",
                        "es": "Documentos que deben verificarse y señales de alerta",
                        "ru": "Проверка документов и тревожные признаки",
                        "ar": "الوثائق الواجب فحصها وعلامات الإنذار",
                    },
                ),
                (
                    "paragraph",
                    {
                        "en": (
                            "Ask for the notification and movement documents, check that the "
                            "consent of the importing country covers the declared type of waste, "
                            "quantity and period, and compare the waste codes with the goods you "
                            "see. Discrepancies between the description, the HS code, the weight "
                            "and the actual contents should prompt a closer inspection."
                        ),
                        "fr": (
                            "Demandez les documents de notification et de mouvement, vérifiez que "
                            "le consentement du pays d'importation couvre le type de déchets, la "
                            "quantité et la période déclarés, et comparez les codes de déchets "
                            "avec les marchandises que vous constatez. Toute divergence entre la "
                            "désignation, le code SH, le poids et le contenu réel doit conduire à "
                            "une inspection plus approfondie."
                        ),
                        "es": (
                            "Solicite los documentos de notificación y de movimiento, compruebe "
                            "que el consentimiento del país de importación abarca el tipo de "
                            "desecho, la cantidad y el período declarados, y compare los códigos "
                            "de los desechos con las mercancías que tiene a la vista. Cualquier "
                            "discrepancia entre la descripción, el código del SA, el peso y el "
                            "contenido real debe dar lugar a una inspección más minuciosa."
                        ),
                        "ru": (
                            "Запросите документы об уведомлении и о перевозке, убедитесь, что "
                            "согласие страны импорта охватывает заявленные вид отходов, количество "
                            "и срок, и сопоставьте коды отходов с фактически наблюдаемым товаром. "
                            "Любые расхождения между описанием, кодом ГС, весом и фактическим "
                            "содержимым должны стать поводом для более тщательного досмотра."
                        ),
                        "ar": (
                            "اطلب وثيقتي الإخطار والنقل، وتحقق من أن موافقة دولة الاستيراد تشمل "
                            "نوع النفايات وكميتها والفترة المصرح بها، وقارن رموز النفايات بالسلع "
                            "التي تراها. وينبغي أن يؤدي أي تباين بين الوصف ورمز النظام المنسق "
                            "والوزن والمحتوى الفعلي إلى تفتيش أدق."
                        ),
                    },
                ),
                (
                    "note",
                    {
                        "kind": "warning",
                        "text": {
                            "en": (
                                "Be wary of shipments declared as scrap metal, plastics for "
                                "recycling or used goods that leak, smell or are loaded loose, and "
                                "of routes through several transit ports that make the final "
                                "destination hard to trace."
                            ),
                            "fr": (
                                "Méfiez-vous des envois déclarés comme ferraille, plastiques "
                                "destinés au recyclage ou biens d'occasion qui fuient, dégagent "
                                "une odeur ou sont chargés en vrac, ainsi que des itinéraires "
                                "passant par plusieurs ports de transit qui rendent la destination "
                                "finale difficile à retracer."
                            ),
                            "es": (
                                "Desconfíe de los envíos declarados como chatarra, plásticos para "
                                "reciclaje o bienes usados que presentan fugas, desprenden olor o "
                                "están cargados a granel, así como de las rutas que pasan por "
                                "varios puertos de tránsito y dificultan el rastreo del destino "
                                "final."
                            ),
                            "ru": (
                                "Будьте внимательны к грузам, заявленным как металлолом, "
                                "пластмассы для переработки или подержанные товары, если они "
                                "протекают, издают запах или загружены навалом, а также к "
                                "маршрутам через несколько транзитных портов, из-за которых трудно "
                                "установить конечный пункт назначения."
                            ),
                            "ar": (
                                "احذر من الشحنات المصرح عنها على أنها خردة معدنية أو مواد "
                                "بلاستيكية لإعادة التدوير أو سلع مستعملة إذا كانت تسرب أو تنبعث "
                                "منها روائح أو محملة دون تغليف، ومن المسارات التي تمر بعدة موانئ "
                                "عبور بما يصعّب تتبع الوجهة النهائية."
                            ),
                        },
                    },
                ),
            ],
        },
        {
            "slug": "chemicals-rotterdam-stockholm",
            "title": {
                "en": "Chemicals and pesticides: the Rotterdam and Stockholm conventions",
                "fr": (
                    "Produits chimiques et pesticides : les conventions de Rotterdam et de "
                    "Stockholm"
                ),
                "es": "Productos químicos y plaguicidas: los convenios de Rotterdam y Estocolmo",
            },
            "summary": {
                "en": (
                    "The Rotterdam Convention lets importing countries decide which hazardous "
                    "chemicals they accept, while the Stockholm Convention eliminates or restricts "
                    "persistent organic pollutants."
                ),
                "fr": (
                    "La Convention de Rotterdam permet aux pays importateurs de décider quels "
                    "produits chimiques dangereux ils acceptent, tandis que la Convention de "
                    "Stockholm élimine ou limite les polluants organiques persistants."
                ),
                "es": (
                    "El Convenio de Rotterdam permite a los países importadores decidir qué "
                    "productos químicos peligrosos aceptan, mientras que el Convenio de Estocolmo "
                    "elimina o restringe los contaminantes orgánicos persistentes."
                ),
            },
            "blocks": [
                (
                    "heading",
                    {
                        "en": "Prior informed consent for hazardous chemicals",
                        "fr": (
                            "Le consentement préalable en connaissance de cause pour les produits "
                            "chimiques dangereux"
                        ),
                        "es": (
                            "Consentimiento fundamentado previo para productos químicos peligrosos"
                        ),
                    },
                ),
                (
                    "treaty",
                    {
                        "treaty": "rotterdam",
                        "text": {
                            "en": (
                                "The Rotterdam Convention on the Prior Informed Consent Procedure "
                                "for Certain Hazardous Chemicals and Pesticides in International "
                                "Trade entered into force in 2004. Its Annex III lists the "
                                "pesticides, severely hazardous pesticide formulations and "
                                "industrial chemicals that are subject to the PIC procedure."
                            ),
                            "fr": (
                                "La Convention de Rotterdam sur la procédure de consentement "
                                "préalable en connaissance de cause applicable à certains produits "
                                "chimiques et pesticides dangereux qui font l'objet d'un commerce "
                                "international est entrée en vigueur en 2004. Son annexe III "
                                "énumère les pesticides, les préparations pesticides extrêmement "
                                "dangereuses et les produits chimiques industriels soumis à la "
                                "procédure PIC."
                            ),
                            "es": (
                                "El Convenio de Rotterdam sobre el procedimiento de consentimiento "
                                "fundamentado previo aplicable a ciertos plaguicidas y productos "
                                "químicos peligrosos objeto de comercio internacional entró en "
                                "vigor en 2004. Su anexo III enumera los plaguicidas, las "
                                "formulaciones plaguicidas extremadamente peligrosas y los "
                                "productos químicos industriales sujetos al procedimiento de CFP."
                            ),
                        },
                    },
                ),
                (
                    "paragraph",
                    {
                        "en": (
                            "For each chemical in Annex III, every Party sends an import response "
                            "stating whether it consents to future imports, refuses them or allows "
                            "them only under specified conditions. Exporting Parties must make "
                            "sure their exporters respect these decisions, and exports of a "
                            "chemical that is banned or severely restricted in the exporting "
                            "country must be preceded by an export notification to the importing "
                            "country. Customs officers should know their own country's import "
                            "responses and the chemicals it has decided not to accept."
                        ),
                        "fr": (
                            "Pour chaque produit chimique inscrit à l'annexe III, chaque Partie "
                            "communique une réponse concernant l'importation indiquant si elle "
                            "consent aux importations futures, si elle les refuse ou si elle ne "
                            "les autorise qu'à certaines conditions. Les Parties exportatrices "
                            "doivent veiller à ce que leurs exportateurs respectent ces décisions, "
                            "et les exportations d'un produit chimique interdit ou strictement "
                            "réglementé dans le pays exportateur doivent être précédées d'une "
                            "notification d'exportation adressée au pays importateur. Les agents "
                            "des douanes doivent connaître les réponses de leur pays concernant "
                            "l'importation et les produits chimiques qu'il a décidé de ne pas "
                            "accepter."
                        ),
                        "es": (
                            "Para cada producto químico del anexo III, cada Parte transmite una "
                            "respuesta sobre la importación en la que indica si consiente en "
                            "futuras importaciones, si las rechaza o si solo las permite con "
                            "sujeción a determinadas condiciones. Las Partes exportadoras deben "
                            "velar por que sus exportadores respeten estas decisiones, y las "
                            "exportaciones de un producto químico prohibido o rigurosamente "
                            "restringido en el país exportador deben ir precedidas de una "
                            "notificación de exportación dirigida al país importador. Los "
                            "funcionarios de aduanas deben conocer las respuestas sobre la "
                            "importación de su propio país y los productos químicos que ha "
                            "decidido no aceptar."
                        ),
                    },
                ),
                (
                    "heading",
                    {
                        "en": "Persistent organic pollutants",
                        "fr": "Les polluants organiques persistants",
                        "es": "Contaminantes orgánicos persistentes",
                    },
                ),
                (
                    "treaty",
                    {
                        "treaty": "stockholm",
                        "text": {
                            "en": (
                                "The Stockholm Convention on Persistent Organic Pollutants, also "
                                "in force since 2004, targets chemicals that persist in the "
                                "environment, build up in living organisms and travel far from "
                                "their source. Import and export of listed POPs is generally "
                                "allowed only for environmentally sound disposal or for a use the "
                                "Convention permits; examples include old pesticides such as "
                                "aldrin, chlordane and DDT, and PCBs, which may still be found in "
                                "old transformers and capacitors."
                            ),
                            "fr": (
                                "La Convention de Stockholm sur les polluants organiques "
                                "persistants, également en vigueur depuis 2004, vise des produits "
                                "chimiques qui persistent dans l'environnement, s'accumulent dans "
                                "les organismes vivants et se propagent loin de leur source. "
                                "L'importation et l'exportation des POP inscrits ne sont en "
                                "général autorisées qu'en vue d'une élimination écologiquement "
                                "rationnelle ou d'une utilisation permise par la Convention ; "
                                "parmi ces substances figurent d'anciens pesticides comme "
                                "l'aldrine, le chlordane et le DDT, ainsi que les PCB, que l'on "
                                "peut encore trouver dans de vieux transformateurs et "
                                "condensateurs."
                            ),
                            "es": (
                                "El Convenio de Estocolmo sobre contaminantes orgánicos "
                                "persistentes, también en vigor desde 2004, se ocupa de productos "
                                "químicos que persisten en el medio ambiente, se acumulan en los "
                                "organismos vivos y se desplazan lejos de su fuente. La "
                                "importación y la exportación de los COP incluidos en sus anexos "
                                "solo se permiten, en general, para su eliminación ambientalmente "
                                "racional o para un uso autorizado por el Convenio; entre ellos "
                                "figuran plaguicidas antiguos como el aldrín, el clordano y el "
                                "DDT, así como los PCB, que aún pueden encontrarse en "
                                "transformadores y condensadores viejos."
                            ),
                        },
                    },
                ),
                (
                    "heading",
                    {
                        "en": "Labels and HS codes",
                        "fr": "Étiquetage et codes du Système harmonisé",
                        "es": "Etiquetado y códigos del Sistema Armonizado",
                    },
                ),
                (
                    "paragraph",
                    {
                        "en": (
                            "Under the Rotterdam Convention, exported chemicals listed in Annex "
                            "III or banned or severely restricted in the exporting country must "
                            "carry labelling on risks and hazards and be accompanied by a safety "
                            "data sheet. The World Customs Organization has assigned specific "
                            "Harmonized System codes to many of these chemicals and POPs, which "
                            "makes them easier to spot in declarations. Check that the name on the "
                            "drum, the active ingredient on the safety data sheet and the declared "
                            "code all match."
                        ),
                        "fr": (
                            "En vertu de la Convention de Rotterdam, les produits chimiques "
                            "exportés qui sont inscrits à l'annexe III ou qui sont interdits ou "
                            "strictement réglementés dans le pays exportateur doivent porter un "
                            "étiquetage indiquant les risques et les dangers et être accompagnés "
                            "d'une fiche de données de sécurité. L'Organisation mondiale des "
                            "douanes a attribué des codes spécifiques du Système harmonisé à "
                            "nombre de ces produits chimiques et POP, ce qui permet de les repérer "
                            "plus facilement dans les déclarations. Vérifiez que le nom inscrit "
                            "sur le fût, la matière active figurant sur la fiche de données de "
                            "sécurité et le code déclaré concordent."
                        ),
                        "es": (
                            "En virtud del Convenio de Rotterdam, los productos químicos "
                            "exportados que figuran en el anexo III o que están prohibidos o "
                            "rigurosamente restringidos en el país exportador deben llevar un "
                            "etiquetado sobre riesgos y peligros e ir acompañados de una hoja de "
                            "datos de seguridad. La Organización Mundial de Aduanas ha asignado "
                            "códigos específicos del Sistema Armonizado a muchos de estos "
                            "productos químicos y COP, lo que facilita detectarlos en las "
                            "declaraciones. Compruebe que el nombre que figura en el bidón, el "
                            "ingrediente activo indicado en la hoja de datos de seguridad y el "
                            "código declarado coincidan."
                        ),
                    },
                ),
                (
                    "note",
                    {
                        "kind": "warning",
                        "text": {
                            "en": (
                                "Pesticides that are banned in your country may arrive relabelled "
                                "as fertiliser or another harmless product, repacked in unmarked "
                                "containers or declared under a general code. A strong chemical "
                                "odour, missing hazard labels or a safety data sheet that does not "
                                "match the product are good reasons to take a sample and consult "
                                "the designated national authority."
                            ),
                            "fr": (
                                "Des pesticides interdits dans votre pays peuvent arriver "
                                "réétiquetés comme engrais ou comme autre produit inoffensif, "
                                "reconditionnés dans des récipients sans marquage ou déclarés sous "
                                "un code général. Une forte odeur chimique, l'absence d'étiquettes "
                                "de danger ou une fiche de données de sécurité qui ne correspond "
                                "pas au produit sont de bonnes raisons de prélever un échantillon "
                                "et de consulter l'autorité nationale désignée."
                            ),
                            "es": (
                                "Los plaguicidas prohibidos en su país pueden llegar reetiquetados "
                                "como fertilizantes u otro producto inocuo, reenvasados en "
                                "recipientes sin marcas o declarados con un código genérico. Un "
                                "fuerte olor químico, la ausencia de etiquetas de peligro o una "
                                "hoja de datos de seguridad que no corresponde al producto son "
                                "buenos motivos para tomar una muestra y consultar a la autoridad "
                                "nacional designada."
                            ),
                        },
                    },
                ),
            ],
        },
        {
            "slug": "endangered-species-cites",
            "title": {
                "en": "Endangered species: CITES",
                "fr": "Les espèces menacées d'extinction : la CITES",
                "es": "Especies amenazadas: la CITES",
            },
            "summary": {
                "en": (
                    "CITES regulates international trade in wild animals and plants through "
                    "permits and certificates linked to three appendices."
                ),
                "fr": (
                    "La CITES réglemente le commerce international des animaux et des plantes "
                    "sauvages au moyen de permis et de certificats liés à trois annexes."
                ),
                "es": (
                    "La CITES regula el comercio internacional de animales y plantas silvestres "
                    "mediante permisos y certificados vinculados a tres apéndices."
                ),
            },
            "blocks": [
                (
                    "heading",
                    {
                        "en": "Appendices and permits",
                        "fr": "Annexes et permis",
                        "es": "Apéndices y permisos",
                    },
                ),
                (
                    "treaty",
                    {
                        "treaty": "cites",
                        "text": {
                            "en": (
                                "The Convention on International Trade in Endangered Species of "
                                "Wild Fauna and Flora was signed in Washington in 1973. It covers "
                                "tens of thousands of animal and plant species, whether alive or "
                                "dead, together with their readily recognisable parts and "
                                "derivatives."
                            ),
                            "fr": (
                                "La Convention sur le commerce international des espèces de faune "
                                "et de flore sauvages menacées d'extinction a été signée à "
                                "Washington en 1973. Elle couvre des dizaines de milliers "
                                "d'espèces animales et végétales, vivantes ou mortes, ainsi que "
                                "leurs parties et produits facilement identifiables."
                            ),
                            "es": (
                                "La Convención sobre el Comercio Internacional de Especies "
                                "Amenazadas de Fauna y Flora Silvestres se firmó en Washington en "
                                "1973. Abarca decenas de miles de especies animales y vegetales, "
                                "vivas o muertas, así como sus partes y derivados fácilmente "
                                "identificables."
                            ),
                        },
                    },
                ),
                (
                    "paragraph",
                    {
                        "en": (
                            "Species threatened with extinction are listed in Appendix I; "
                            "commercial trade in wild specimens of these species is generally "
                            "prohibited, and both an export permit and an import permit are "
                            "required. Appendix II covers species that could become threatened if "
                            "trade is not controlled and requires an export permit or re-export "
                            "certificate. Appendix III lists species protected by a country that "
                            "has asked other Parties for help, and requires a permit from that "
                            "country or a certificate of origin from other exporters."
                        ),
                        "fr": (
                            "Les espèces menacées d'extinction sont inscrites à l'Annexe I ; le "
                            "commerce de spécimens sauvages de ces espèces à des fins "
                            "principalement commerciales est en principe interdit, et un permis "
                            "d'exportation ainsi qu'un permis d'importation sont exigés. L'Annexe "
                            "II couvre les espèces qui pourraient devenir menacées si leur "
                            "commerce n'était pas contrôlé et exige un permis d'exportation ou un "
                            "certificat de réexportation. L'Annexe III énumère les espèces "
                            "protégées par un pays qui a demandé l'aide des autres Parties et "
                            "exige un permis délivré par ce pays ou un certificat d'origine pour "
                            "les autres exportateurs."
                        ),
                        "es": (
                            "Las especies en peligro de extinción figuran en el Apéndice I; el "
                            "comercio de especímenes silvestres de estas especies con fines "
                            "primordialmente comerciales está en general prohibido, y se exigen "
                            "tanto un permiso de exportación como un permiso de importación. El "
                            "Apéndice II abarca especies que podrían llegar a estar amenazadas si "
                            "su comercio no se controla, y exige un permiso de exportación o un "
                            "certificado de reexportación. El Apéndice III incluye especies "
                            "protegidas por un país que ha solicitado la ayuda de otras Partes, y "
                            "exige un permiso de ese país o un certificado de origen para los "
                            "demás exportadores."
                        ),
                    },
                ),
                (
                    "heading",
                    {
                        "en": "Checking CITES documents",
                        "fr": "Vérifier les documents CITES",
                        "es": "Verificación de los documentos CITES",
                    },
                ),
                (
                    "paragraph",
                    {
                        "en": (
                            "A CITES document is issued by the Management Authority of the "
                            "exporting or re-exporting country and states the scientific name of "
                            "the species, the quantity, the appendix and an expiry date. Check "
                            "that it is an original, that it has not expired, that the quantities "
                            "shipped do not exceed those authorised and that the security stamp "
                            "and signature are present. At export, the permit is endorsed with the "
                            "quantities actually shipped."
                        ),
                        "fr": (
                            "Un document CITES est délivré par l'organe de gestion du pays "
                            "d'exportation ou de réexportation et indique le nom scientifique de "
                            "l'espèce, la quantité, l'annexe et une date d'expiration. Vérifiez "
                            "qu'il s'agit d'un original, qu'il n'a pas expiré, que les quantités "
                            "expédiées ne dépassent pas celles autorisées et que le timbre de "
                            "sécurité et la signature sont présents. Au moment de l'exportation, "
                            "le permis est visé avec les quantités effectivement expédiées."
                        ),
                        "es": (
                            "El documento CITES es expedido por la Autoridad Administrativa del "
                            "país de exportación o reexportación e indica el nombre científico de "
                            "la especie, la cantidad, el apéndice y una fecha de caducidad. "
                            "Compruebe que se trata de un original, que no ha caducado, que las "
                            "cantidades enviadas no superan las autorizadas y que figuran el sello "
                            "de seguridad y la firma. En el momento de la exportación, el permiso "
                            "se refrenda con las cantidades realmente enviadas."
                        ),
                    },
                ),
                (
                    "heading",
                    {
                        "en": "Live animals and other specimens",
                        "fr": "Animaux vivants et autres spécimens",
                        "es": "Animales vivos y otros especímenes",
                    },
                ),
                (
                    "paragraph",
                    {
                        "en": (
                            "Live animals must be prepared and shipped so as to minimise the risk "
                            "of injury, damage to health or cruel treatment; for air transport, "
                            "the IATA Live Animals Regulations apply. Specimens also include parts "
                            "and derivatives such as ivory, skins, caviar, timber, traditional "
                            "medicines and leather goods, which can be hard to identify. When in "
                            "doubt about a species, detain the goods and ask the national CITES "
                            "authorities for identification."
                        ),
                        "fr": (
                            "Les animaux vivants doivent être préparés et transportés de façon à "
                            "réduire au minimum les risques de blessure, de maladie ou de "
                            "traitement rigoureux ; pour le transport aérien, la Réglementation du "
                            "transport des animaux vivants de l'IATA s'applique. Les spécimens "
                            "comprennent aussi des parties et produits tels que l'ivoire, les "
                            "peaux, le caviar, le bois, les médicaments traditionnels et les "
                            "articles en cuir, qui peuvent être difficiles à identifier. En cas de "
                            "doute sur une espèce, retenez les marchandises et demandez aux "
                            "autorités CITES nationales de procéder à l'identification."
                        ),
                        "es": (
                            "Los animales vivos deben acondicionarse y transportarse de manera que "
                            "se reduzca al mínimo el riesgo de heridas, deterioro en su salud o "
                            "maltrato; para el transporte aéreo se aplica la Reglamentación de la "
                            "IATA sobre animales vivos. Los especímenes también incluyen partes y "
                            "derivados como el marfil, las pieles, el caviar, la madera, los "
                            "medicamentos tradicionales y los artículos de cuero, que pueden ser "
                            "difíciles de identificar. En caso de duda sobre una especie, retenga "
                            "las mercancías y solicite a las autoridades CITES nacionales que la "
                            "identifiquen."
                        ),
                    },
                ),
                (
                    "note",
                    {
                        "kind": "example",
                        "text": {
                            "en": (
                                "A consignment of live birds declared as captive-bred may hide "
                                "wild-caught birds of a protected species: missing or tampered leg "
                                "rings, stressed or injured animals and numbers above those on the "
                                "permit are all warning signs."
                            ),
                            "fr": (
                                "Un envoi d'oiseaux vivants déclarés comme élevés en captivité "
                                "peut dissimuler des oiseaux d'une espèce protégée capturés dans "
                                "la nature : des bagues absentes ou altérées, des animaux stressés "
                                "ou blessés et des effectifs supérieurs à ceux du permis sont "
                                "autant de signaux d'alerte."
                            ),
                            "es": (
                                "Un envío de aves vivas declaradas como criadas en cautividad "
                                "puede ocultar aves de una especie protegida capturadas en el "
                                "medio silvestre: anillas ausentes o manipuladas, animales "
                                "estresados o heridos y cantidades superiores a las que figuran en "
                                "el permiso son señales de alerta."
                            ),
                        },
                    },
                ),
            ],
        },
        {
            "slug": "ozone-depleting-substances-montreal",
            "title": {
                "en": "Ozone-depleting substances: the Montreal Protocol",
                "fr": (
                    "Les substances qui appauvrissent la couche d'ozone : le Protocole de Montréal"
                ),
                "es": "Sustancias que agotan la capa de ozono: el Protocolo de Montreal",
            },
            "summary": {
                "en": (
                    "The Montreal Protocol phases out the substances that damage the ozone layer, "
                    "and national licensing systems allow customs to check every import and "
                    "export."
                ),
                "fr": (
                    "Le Protocole de Montréal élimine progressivement les substances qui "
                    "endommagent la couche d'ozone, et les systèmes nationaux d'octroi de licences "
                    "permettent aux douanes de contrôler chaque importation et exportation."
                ),
                "es": (
                    "El Protocolo de Montreal elimina gradualmente las sustancias que dañan la "
                    "capa de ozono, y los sistemas nacionales de concesión de licencias permiten a "
                    "las aduanas controlar cada importación y exportación."
                ),
            },
            "blocks": [
                (
                    "heading",
                    {
                        "en": "Phase-out and licensing",
                        "fr": "Élimination progressive et octroi de licences",
                        "es": "Eliminación gradual y concesión de licencias",
                    },
                ),
                (
                    "treaty",
                    {
                        "treaty": "montreal",
                        "text": {
                            "en": (
                                "The Montreal Protocol on Substances that Deplete the Ozone Layer, "
                                "adopted in 1987, controls chlorofluorocarbons (CFCs), halons, "
                                "hydrochlorofluorocarbons (HCFCs), methyl bromide and other "
                                "ozone-depleting substances. Under its Kigali Amendment, it also "
                                "phases down hydrofluorocarbons (HFCs), which do not harm the "
                                "ozone layer but are powerful greenhouse gases."
                            ),
                            "fr": (
                                "Le Protocole de Montréal relatif à des substances qui "
                                "appauvrissent la couche d'ozone, adopté en 1987, réglemente les "
                                "chlorofluorocarbones (CFC), les halons, les "
                                "hydrochlorofluorocarbones (HCFC), le bromure de méthyle et "
                                "d'autres substances qui appauvrissent la couche d'ozone. En vertu "
                                "de l'Amendement de Kigali, il prévoit aussi la réduction "
                                "progressive des hydrofluorocarbones (HFC), qui n'endommagent pas "
                                "la couche d'ozone mais sont de puissants gaz à effet de serre."
                            ),
                            "es": (
                                "El Protocolo de Montreal relativo a las sustancias que agotan la "
                                "capa de ozono, aprobado en 1987, controla los clorofluorocarbonos "
                                "(CFC), los halones, los hidroclorofluorocarbonos (HCFC), el "
                                "bromuro de metilo y otras sustancias que agotan la capa de ozono. "
                                "En virtud de la Enmienda de Kigali, también prevé la reducción "
                                "gradual de los hidrofluorocarbonos (HFC), que no dañan la capa de "
                                "ozono pero son potentes gases de efecto invernadero."
                            ),
                        },
                    },
                ),
                (
                    "paragraph",
                    {
                        "en": (
                            "Every Party must establish and implement a system for licensing the "
                            "import and export of new, used, recycled and reclaimed controlled "
                            "substances. In practice, each shipment needs a licence or permit "
                            "issued by the national ozone unit or another designated authority, "
                            "and many countries also set import quotas. Customs officers should "
                            "verify that the importer or exporter holds a valid licence covering "
                            "the substance and the quantity declared."
                        ),
                        "fr": (
                            "Chaque Partie doit mettre en place et appliquer un système d'octroi "
                            "de licences pour l'importation et l'exportation des substances "
                            "réglementées nouvelles, utilisées, recyclées et régénérées. Dans la "
                            "pratique, chaque envoi nécessite une licence ou un permis délivré par "
                            "le bureau national de l'ozone ou une autre autorité désignée, et de "
                            "nombreux pays fixent également des quotas d'importation. Les agents "
                            "des douanes doivent vérifier que l'importateur ou l'exportateur "
                            "détient une licence valide couvrant la substance et la quantité "
                            "déclarées."
                        ),
                        "es": (
                            "Cada Parte debe establecer y aplicar un sistema de concesión de "
                            "licencias para la importación y exportación de sustancias controladas "
                            "nuevas, usadas, recicladas y regeneradas. En la práctica, cada envío "
                            "necesita una licencia o un permiso expedido por la dependencia "
                            "nacional del ozono u otra autoridad designada, y muchos países fijan "
                            "además cupos de importación. Los funcionarios de aduanas deben "
                            "verificar que el importador o exportador sea titular de una licencia "
                            "válida que abarque la sustancia y la cantidad declaradas."
                        ),
                    },
                ),
                (
                    "heading",
                    {
                        "en": "Refrigerant cylinders and mislabelled gases",
                        "fr": "Bouteilles de fluides frigorigènes et gaz mal étiquetés",
                        "es": "Cilindros de refrigerantes y gases mal etiquetados",
                    },
                ),
                (
                    "paragraph",
                    {
                        "en": (
                            "Most ozone-depleting substances traded today are refrigerants, "
                            "shipped in cylinders or contained in equipment such as air "
                            "conditioners and refrigerators. Illegal shipments are often declared "
                            "as an alternative refrigerant or a blend, with labels that do not "
                            "match the contents, or hidden behind legal cylinders. Non-refillable "
                            "cylinders are prohibited in a number of countries, so their presence "
                            "can itself point to irregular trade."
                        ),
                        "fr": (
                            "La plupart des substances qui appauvrissent la couche d'ozone "
                            "commercialisées aujourd'hui sont des fluides frigorigènes, expédiés "
                            "en bouteilles ou contenus dans des équipements tels que des "
                            "climatiseurs et des réfrigérateurs. Les envois illicites sont souvent "
                            "déclarés comme un fluide de substitution ou comme un mélange, avec "
                            "des étiquettes qui ne correspondent pas au contenu, ou dissimulés "
                            "derrière des bouteilles en règle. Les bouteilles non rechargeables "
                            "sont interdites dans plusieurs pays ; leur présence peut donc en soi "
                            "indiquer un commerce irrégulier."
                        ),
                        "es": (
                            "La mayoría de las sustancias que agotan la capa de ozono que se "
                            "comercializan hoy son refrigerantes, enviados en cilindros o "
                            "contenidos en equipos como aparatos de aire acondicionado y "
                            "refrigeradores. Los envíos ilícitos suelen declararse como un "
                            "refrigerante alternativo o como una mezcla, con etiquetas que no "
                            "corresponden al contenido, o se ocultan detrás de cilindros legales. "
                            "Los cilindros no recargables están prohibidos en varios países, por "
                            "lo que su presencia puede ser en sí misma un indicio de comercio "
                            "irregular."
                        ),
                    },
                ),
                (
                    "note",
                    {
                        "kind": "tip",
                        "text": {
                            "en": (
                                "Portable refrigerant identifiers can analyse the gas in a "
                                "cylinder within minutes; compare the result with the label, the "
                                "declared HS code and the licence before releasing the goods."
                            ),
                            "fr": (
                                "Les identificateurs portables de fluides frigorigènes peuvent "
                                "analyser le gaz contenu dans une bouteille en quelques minutes ; "
                                "comparez le résultat avec l'étiquette, le code SH déclaré et la "
                                "licence avant d'accorder la mainlevée des marchandises."
                            ),
                            "es": (
                                "Los identificadores portátiles de refrigerantes pueden analizar "
                                "el gas de un cilindro en pocos minutos; compare el resultado con "
                                "la etiqueta, el código del SA declarado y la licencia antes de "
                                "autorizar el levante de las mercancías."
                            ),
                        },
                    },
                ),
                (
                    "note",
                    {
                        "kind": "warning",
                        "text": {
                            "en": (
                                "Never open or vent a cylinder to check what it contains, and "
                                "handle rusty, dented or unprotected cylinders with care: all "
                                "refrigerants are stored under pressure and some are flammable."
                            ),
                            "fr": (
                                "N'ouvrez jamais une bouteille et n'en laissez jamais échapper le "
                                "gaz pour en vérifier le contenu, et manipulez avec précaution les "
                                "bouteilles rouillées, cabossées ou dépourvues de protection : "
                                "tous les fluides frigorigènes sont stockés sous pression et "
                                "certains sont inflammables."
                            ),
                            "es": (
                                "Nunca abra un cilindro ni libere su gas para comprobar su "
                                "contenido, y manipule con cuidado los cilindros oxidados, "
                                "abollados o sin protección: todos los refrigerantes se almacenan "
                                "a presión y algunos son inflamables."
                            ),
                        },
                    },
                ),
            ],
        },
        {
            "slug": "lmos-chemical-weapons-cooperation",
            "title": {
                "en": "Living modified organisms, chemical weapons precursors and cooperation",
                "fr": "Organismes vivants modifiés, précurseurs d'armes chimiques et coopération",
                "es": "Organismos vivos modificados, precursores de armas químicas y cooperación",
            },
            "summary": {
                "en": (
                    "The Cartagena Protocol and the Chemical Weapons Convention complete the "
                    "picture, and cooperation between agencies turns individual checks into "
                    "effective enforcement."
                ),
                "fr": (
                    "Le Protocole de Cartagena et la Convention sur les armes chimiques complètent "
                    "le tableau, et la coopération entre organismes transforme des contrôles "
                    "isolés en une application efficace."
                ),
                "es": (
                    "El Protocolo de Cartagena y la Convención sobre las Armas Químicas completan "
                    "el panorama, y la cooperación entre organismos convierte los controles "
                    "aislados en una aplicación eficaz."
                ),
            },
            "blocks": [
                (
                    "heading",
                    {
                        "en": "Living modified organisms",
                        "fr": "Organismes vivants modifiés",
                        "es": "Organismos vivos modificados",
                    },
                ),
                (
                    "treaty",
                    {
                        "treaty": "cartagena",
                        "text": {
                            "en": (
                                "The Cartagena Protocol on Biosafety to the Convention on "
                                "Biological Diversity, in force since 2003, governs transboundary "
                                "movements of living modified organisms resulting from modern "
                                "biotechnology. LMOs intended for introduction into the "
                                "environment, such as seeds for planting, require the advance "
                                "informed agreement of the country of import, and shipments of "
                                "LMOs must be clearly identified in the accompanying "
                                "documentation."
                            ),
                            "fr": (
                                "Le Protocole de Cartagena sur la prévention des risques "
                                "biotechnologiques relatif à la Convention sur la diversité "
                                "biologique, en vigueur depuis 2003, régit les mouvements "
                                "transfrontières d'organismes vivants modifiés résultant de la "
                                "biotechnologie moderne. Les OVM destinés à être introduits dans "
                                "l'environnement, comme les semences à planter, nécessitent "
                                "l'accord préalable en connaissance de cause du pays "
                                "d'importation, et les envois d'OVM doivent être clairement "
                                "identifiés dans la documentation qui les accompagne."
                            ),
                            "es": (
                                "El Protocolo de Cartagena sobre Seguridad de la Biotecnología del "
                                "Convenio sobre la Diversidad Biológica, en vigor desde 2003, "
                                "regula los movimientos transfronterizos de organismos vivos "
                                "modificados resultantes de la biotecnología moderna. Los OVM "
                                "destinados a su introducción en el medio ambiente, como las "
                                "semillas para siembra, requieren el acuerdo fundamentado previo "
                                "del país de importación, y los envíos de OVM deben identificarse "
                                "claramente en la documentación que los acompaña."
                            ),
                        },
                    },
                ),
                (
                    "heading",
                    {
                        "en": "Chemical weapons precursors",
                        "fr": "Précurseurs d'armes chimiques",
                        "es": "Precursores de armas químicas",
                    },
                ),
                (
                    "treaty",
                    {
                        "treaty": "cwc",
                        "text": {
                            "en": (
                                "The Chemical Weapons Convention, implemented by the Organisation "
                                "for the Prohibition of Chemical Weapons (OPCW), bans the "
                                "development, production, stockpiling and use of chemical weapons. "
                                "Toxic chemicals and their precursors are listed in three "
                                "schedules with different trade rules; Schedule 2 chemicals, for "
                                "example, may not be transferred to or received from States not "
                                "party to the Convention."
                            ),
                            "fr": (
                                "La Convention sur les armes chimiques, dont la mise en œuvre est "
                                "assurée par l'Organisation pour l'interdiction des armes "
                                "chimiques (OIAC), interdit la mise au point, la fabrication, le "
                                "stockage et l'emploi d'armes chimiques. Les produits chimiques "
                                "toxiques et leurs précurseurs sont inscrits à trois tableaux "
                                "soumis à des règles commerciales différentes ; les produits "
                                "chimiques du tableau 2, par exemple, ne peuvent être ni "
                                "transférés à des États non parties à la Convention ni reçus de "
                                "ceux-ci."
                            ),
                            "es": (
                                "La Convención sobre las Armas Químicas, cuya aplicación supervisa "
                                "la Organización para la Prohibición de las Armas Químicas (OPAQ), "
                                "prohíbe el desarrollo, la producción, el almacenamiento y el "
                                "empleo de armas químicas. Las sustancias químicas tóxicas y sus "
                                "precursores figuran en tres listas con normas comerciales "
                                "distintas; por ejemplo, las sustancias químicas de la Lista 2 no "
                                "pueden transferirse a Estados que no son partes en la Convención "
                                "ni recibirse de ellos."
                            ),
                        },
                    },
                ),
                (
                    "paragraph",
                    {
                        "en": (
                            "Many scheduled chemicals have legitimate industrial uses, and customs "
                            "data on their imports and exports feed into the annual declarations "
                            "that each State Party submits to the OPCW. Officers should check that "
                            "scheduled chemicals are correctly declared, that any required export "
                            "or import licence is present and that the HS code matches the "
                            "chemical named in the documents."
                        ),
                        "fr": (
                            "De nombreux produits chimiques inscrits aux tableaux ont des usages "
                            "industriels légitimes, et les données douanières sur leurs "
                            "importations et exportations alimentent les déclarations annuelles "
                            "que chaque État partie soumet à l'OIAC. Les agents doivent vérifier "
                            "que ces produits sont correctement déclarés, que toute licence "
                            "d'exportation ou d'importation requise est présente et que le code SH "
                            "correspond au produit chimique nommé dans les documents."
                        ),
                        "es": (
                            "Muchas sustancias químicas incluidas en las listas tienen usos "
                            "industriales legítimos, y los datos aduaneros sobre sus importaciones "
                            "y exportaciones sirven de base a las declaraciones anuales que cada "
                            "Estado parte presenta a la OPAQ. Los funcionarios deben comprobar que "
                            "estas sustancias se declaren correctamente, que se presente toda "
                            "licencia de exportación o importación exigida y que el código del SA "
                            "corresponda a la sustancia química indicada en los documentos."
                        ),
                    },
                ),
                (
                    "heading",
                    {
                        "en": "Working together",
                        "fr": "Travailler ensemble",
                        "es": "Trabajar juntos",
                    },
                ),
                (
                    "paragraph",
                    {
                        "en": (
                            "The World Customs Organization supports risk management and the "
                            "exchange of enforcement information between customs administrations, "
                            "while UNODC and Interpol help investigate the organised crime that "
                            "often lies behind environmental smuggling. Risk profiling combines "
                            "information on commodities, routes, traders and past seizures to "
                            "select the consignments most likely to be illegal. Each seizure "
                            "should be documented, reported to the competent national authority "
                            "and, where required, to the secretariat of the agreement concerned, "
                            "and shared through customs enforcement networks so that other "
                            "countries can act."
                        ),
                        "fr": (
                            "L'Organisation mondiale des douanes appuie la gestion des risques et "
                            "l'échange d'informations en matière de lutte contre la fraude entre "
                            "administrations douanières, tandis que l'ONUDC et INTERPOL aident à "
                            "enquêter sur la criminalité organisée qui se cache souvent derrière "
                            "la contrebande environnementale. Le profilage des risques combine des "
                            "informations sur les marchandises, les itinéraires, les opérateurs et "
                            "les saisies antérieures pour sélectionner les envois les plus "
                            "susceptibles d'être illicites. Chaque saisie doit être documentée, "
                            "signalée à l'autorité nationale compétente et, le cas échéant, au "
                            "secrétariat de l'accord concerné, puis partagée au moyen des réseaux "
                            "douaniers de lutte contre la fraude afin que d'autres pays puissent "
                            "agir."
                        ),
                        "es": (
                            "La Organización Mundial de Aduanas apoya la gestión de riesgos y el "
                            "intercambio de información para la lucha contra el fraude entre "
                            "administraciones de aduanas, mientras que la UNODC e INTERPOL ayudan "
                            "a investigar la delincuencia organizada que suele estar detrás del "
                            "contrabando ambiental. Los perfiles de riesgo combinan información "
                            "sobre mercancías, rutas, operadores e incautaciones anteriores para "
                            "seleccionar los envíos con mayor probabilidad de ser ilícitos. Cada "
                            "incautación debe documentarse, notificarse a la autoridad nacional "
                            "competente y, cuando corresponda, a la secretaría del acuerdo "
                            "pertinente, y compartirse a través de las redes aduaneras de lucha "
                            "contra el fraude para que otros países puedan actuar."
                        ),
                    },
                ),
                (
                    "note",
                    {
                        "kind": "tip",
                        "text": {
                            "en": (
                                "When you seize goods, record the species or substance, "
                                "quantities, HS codes, route, companies involved and concealment "
                                "method, and keep the chain of custody intact: this information "
                                "makes prosecutions and future risk profiles possible."
                            ),
                            "fr": (
                                "Lorsque vous saisissez des marchandises, consignez l'espèce ou la "
                                "substance, les quantités, les codes SH, l'itinéraire, les "
                                "entreprises impliquées et le mode de dissimulation, et préservez "
                                "la chaîne de conservation des preuves : ces informations rendent "
                                "possibles les poursuites et l'élaboration de futurs profils de "
                                "risque."
                            ),
                            "es": (
                                "Cuando incaute mercancías, registre la especie o sustancia, las "
                                "cantidades, los códigos del SA, la ruta, las empresas implicadas "
                                "y el método de ocultación, y mantenga intacta la cadena de "
                                "custodia: esta información hace posibles los procesos judiciales "
                                "y la elaboración de futuros perfiles de riesgo."
                            ),
                        },
                    },
                ),
            ],
        },
    ],
}
