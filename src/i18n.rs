//! The UI's own words in French and English. Framework texts live in `content/`; these are the
//! labels of the interface. One struct per language, so that a missing translation is a compile
//! error rather than a blank on screen.

use crate::ids::string_enum;

string_enum! {
    /// A language of the interface (and of an assessment's answers).
    Lang { Fr = "fr", En = "en" }
}

impl Default for Lang {
    /// French first: the product is made for French municipalities.
    fn default() -> Self {
        Lang::Fr
    }
}

impl Lang {
    pub fn ui(self) -> &'static Ui {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }
}

pub struct Ui {
    /// The language's own name, as shown on the switch that selects it.
    pub name: &'static str,
    pub app_title: &'static str,
    pub tagline: &'static str,
    pub intro: &'static str,
    pub self_assessment_notice: &'static str,
    pub privacy_notice: &'static str,
    /// The accessible name of the group of language buttons.
    pub language_label: &'static str,
    pub purposes_heading: &'static str,
    pub purposes_intro: &'static str,
    pub areas_heading: &'static str,
    pub areas_intro: &'static str,
    pub clause_label: &'static str,
    pub storage_unavailable: &'static str,
    pub storage_write_refused: &'static str,
    pub footer: &'static str,
}

pub static FR: Ui = Ui {
    name: "Français",
    app_title: "Autodiagnostic ISO 37101",
    tagline: "Développement durable des territoires : où en est votre collectivité ?",
    intro:
        "La norme ISO 37101 aide une collectivité à piloter sa stratégie de développement \
            durable. Elle propose de la regarder sous l’angle de 6 finalités et de 12 domaines \
            d’action, et de la conduire comme un système de management (planifier, mettre en \
            œuvre, contrôler, agir). Cet outil vous guide pas à pas pour situer votre collectivité.",
    self_assessment_notice: "Il s’agit d’un autodiagnostic : il ne remplace pas une \
                             certification, qui est délivrée par un organisme tiers.",
    privacy_notice: "Vos réponses restent dans ce navigateur, sur cet ordinateur, tant que vous \
                     ne les exportez pas. Aucune donnée n’est envoyée sur internet.",
    language_label: "Langue",
    purposes_heading: "Les 6 finalités",
    purposes_intro: "Ce que la stratégie d’une collectivité durable cherche à atteindre.",
    areas_heading: "Les 12 domaines d’action",
    areas_intro: "Les champs dans lesquels la collectivité agit pour servir ces finalités.",
    clause_label: "Article",
    storage_unavailable: "Le stockage de ce navigateur n’est pas disponible : vos choix ne \
                          seront pas conservés après la fermeture de la page.",
    storage_write_refused: "Ce navigateur a refusé d’enregistrer vos choix (espace plein ou \
                            bloqué) : ils ne seront pas conservés après la fermeture de la page.",
    footer: "Autodiagnostic non officiel, fondé sur la norme ISO 37101. Ne vaut pas \
             certification.",
};

pub static EN: Ui = Ui {
    name: "English",
    app_title: "ISO 37101 self-assessment",
    tagline: "Sustainable development in communities: where does your community stand?",
    intro: "ISO 37101 helps a community steer its sustainable development strategy. It looks at \
            that strategy through 6 purposes and 12 areas of action, and runs it as a management \
            system (plan, do, check, act). This tool guides you step by step to see where your \
            community stands.",
    self_assessment_notice: "This is a self-assessment: it does not replace a certification, \
                             which only an independent body can award.",
    privacy_notice: "Your answers stay in this browser, on this computer, until you export \
                     them. Nothing is sent over the internet.",
    language_label: "Language",
    purposes_heading: "The 6 purposes",
    purposes_intro: "What the strategy of a sustainable community seeks to achieve.",
    areas_heading: "The 12 areas of action",
    areas_intro: "The fields in which the community acts to serve these purposes.",
    clause_label: "Clause",
    storage_unavailable: "This browser's storage is not available: your choices will not be \
                          kept once the page is closed.",
    storage_write_refused: "This browser refused to save your choices (storage full or \
                            blocked): they will not be kept once the page is closed.",
    footer: "Unofficial self-assessment based on ISO 37101. Not a certification.",
};
