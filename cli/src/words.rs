//! The command line's own words, in French and English: one struct per language, so that a
//! missing translation is a compile error. They live here rather than in `autodiag_core::i18n`
//! because the app never shows them (the wasm carries none of them). `{}` is filled by
//! `autodiag_core::i18n::fill`. French keeps its typography: a no-break space before `:`, a
//! narrow no-break space before `;` `?` `!`, and no-break spaces inside « ».

use autodiag_core::i18n::Lang;

pub struct Words {
    pub usage: &'static str,
    /// Before a usage error: "autodiag : ".
    pub error: &'static str,
    pub see_help: &'static str,
    pub no_command: &'static str,
    pub unknown_command: &'static str,
    pub unknown_option: &'static str,
    pub missing_value: &'static str,
    pub unexpected_value: &'static str,
    pub not_unicode: &'static str,
    pub bad_lang: &'static str,
    pub no_files: &'static str,
    pub json_not_for_table: &'static str,
    pub output_only_for_table: &'static str,
    pub cannot_write: &'static str,
    /// `table -o F` where F is also a file to read: "-o {} is also a file to read…".
    pub output_is_input: &'static str,
    /// `table -o F.json`: the CSV would take the place of an export.
    pub output_is_json: &'static str,
    /// A folder given that cannot be listed: "Cannot list this folder ({})."
    pub cannot_list: &'static str,
    pub cannot_list_permission: &'static str,
    pub not_found: &'static str,
    pub permission: &'static str,
    pub unreadable: &'static str,
    pub not_a_file: &'static str,
    /// A named pipe, a device or a socket where a file was expected: never opened.
    pub fifo: &'static str,
    pub device: &'static str,
    pub socket: &'static str,
    /// "valid (format {}, {} mode)".
    pub valid: &'static str,
    /// "files read: {}; refused: {}".
    pub tally: &'static str,
    /// "same id as {}: both are counted".
    pub same_id: &'static str,
    pub sections: [&'static str; 4],
    pub yes: &'static str,
    /// Merge: "{} files, {} people at most, community named most: {}".
    pub merge_head: &'static str,
    /// The mode as the sentences above name it.
    pub mode_full: &'static str,
    pub mode_quick: &'static str,
    /// "To discuss ({}): two levels or more apart, or both “yes” and “no” for a requirement".
    pub merge_discuss: &'static str,
    pub merge_nothing_to_discuss: &'static str,
    pub col_section: &'static str,
    pub col_item: &'static str,
    pub col_median: &'static str,
    pub col_consensus: &'static str,
    pub col_discuss: &'static str,
    pub col_title: &'static str,
    /// Summary: "{} files".
    pub summary_head: &'static str,
    pub col_area: &'static str,
    pub col_na: &'static str,
    pub col_unknown: &'static str,
    pub col_unanswered: &'static str,
    pub col_out_of_scope: &'static str,
    /// What the columns of the summary hold, under the table.
    pub summary_legend: &'static str,
    /// What the scales of the merged table are, under it.
    pub merge_legend: &'static str,
}

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// The decimal mark of readable tables: what the app shows in each language.
pub fn decimal(lang: Lang) -> char {
    match lang {
        Lang::Fr => ',',
        Lang::En => '.',
    }
}

pub static FR: Words = Words {
    usage: "\
autodiag — lit les exports JSON de l’autodiagnostic ISO 37101 (format 1 ou 2)

Utilisation :
  autodiag validate FICHIERS… [--json]        vérifie chaque fichier comme l’application
  autodiag merge FICHIERS… [--json]           statistiques d’atelier (médiane, écart, consensus)
  autodiag table FICHIERS… [-o answers.csv]   une table CSV pour les outils de données
  autodiag summary FICHIERS… [--json]         niveaux de chaque domaine entre collectivités

Un dossier donné à la place d’un fichier vaut ses fichiers .json, dans l’ordre des noms.

Options :
  --lang fr|en       langue des messages et des tableaux (fr par défaut)
  --json             sortie JSON (validate, merge, summary)
  -o, --output F     fichier CSV à écrire (table ; sinon la sortie standard)
  -h, --help         cette aide
  -V, --version      la version

Un fichier refusé (illisible, invalide, un tube nommé, un périphérique, un dossier illisible)
est nommé sur la sortie d’erreur avec la raison ; les autres sont traités. Un nom qui n’est
pas de l’UTF-8 est montré échappé (\\xNN). La sortie de table n’est jamais un fichier lu, et
elle n’est remplacée qu’une fois complète.
Code de sortie : 0 si tous les fichiers sont lus, 1 si l’un est refusé, 2 pour une erreur
d’utilisation ou d’écriture.
",
    error: "autodiag\u{a0}: ",
    see_help: "Voir «\u{a0}autodiag --help\u{a0}».",
    no_command: "il manque la commande (validate, merge, table ou summary).",
    unknown_command: "commande inconnue\u{a0}: {}.",
    unknown_option: "option inconnue\u{a0}: {}.",
    missing_value: "il manque la valeur de {}.",
    unexpected_value: "{} ne prend pas de valeur.",
    not_unicode: "un argument n’est pas de l’Unicode valide\u{a0}: {}.",
    bad_lang: "--lang attend fr ou en, pas «\u{a0}{}\u{a0}».",
    no_files: "aucun fichier à lire.",
    json_not_for_table: "--json ne s’applique pas à table (qui écrit du CSV).",
    output_only_for_table: "-o ne s’applique qu’à table.",
    cannot_write: "impossible d’écrire {}\u{a0}: {}.",
    output_is_input: "-o {} est aussi un fichier à lire\u{a0}: le tableau l’écraserait.",
    output_is_json: "-o {}\u{a0}: table écrit du CSV, pas un fichier .json (un motif tel que exports/*.json donne à -o le premier de ses fichiers, qui serait écrasé).",
    cannot_list: "Impossible de lister ce dossier ({}).",
    cannot_list_permission: "Impossible de lister ce dossier (droits d’accès).",
    not_found: "Fichier introuvable.",
    permission: "Lecture refusée (droits d’accès).",
    unreadable: "Lecture impossible ({}).",
    not_a_file: "Ce n’est pas un fichier.",
    fifo: "C’est un tube nommé (FIFO), pas un fichier\u{a0}: il n’est pas ouvert.",
    device: "C’est un périphérique, pas un fichier\u{a0}: il n’est pas ouvert.",
    socket: "C’est une socket, pas un fichier\u{a0}: elle n’est pas ouverte.",
    valid: "valide (format {}, mode {})",
    tally: "fichiers lus\u{a0}: {}\u{202f}; refusés\u{a0}: {}",
    same_id: "Même identifiant que {}\u{a0}: les deux sont comptés.",
    sections: ["finalité", "domaine", "article", "exigence"],
    yes: "oui",
    merge_head: "Atelier\u{a0}: {} fichiers, {} personnes au plus, mode {}\u{a0}; collectivité la plus citée\u{a0}: {}",
    mode_full: "complet",
    mode_quick: "rapide",
    merge_discuss: "À discuter ({})\u{a0}: réponses à deux niveaux ou plus d’écart, ou «\u{a0}oui\u{a0}» et «\u{a0}non\u{a0}» pour une exigence",
    merge_nothing_to_discuss: "Rien à discuter\u{a0}: aucune question à deux niveaux ou plus d’écart.",
    col_section: "rubrique",
    col_item: "élément",
    col_median: "médiane",
    col_consensus: "consensus",
    col_discuss: "à discuter",
    col_title: "intitulé",
    summary_head: "{} fichiers",
    col_area: "domaine",
    col_na: "s.o.",
    col_unknown: "ne sait pas",
    col_unanswered: "sans réponse",
    col_out_of_scope: "hors champ",
    summary_legend: "n\u{a0}: collectivités ayant donné un niveau de 0 à 4 (le domaine dans le champ)\u{a0}; Q1, Q3\u{a0}: premier et troisième quartiles\u{a0}; 0 à 4\u{a0}: combien à chaque niveau\u{a0}; s.o.\u{a0}: sans objet.",
    merge_legend: "Échelles\u{a0}: priorités 1 faible, 2 moyenne, 3 élevée\u{a0}; niveaux 0 à 4\u{a0}; exigences 0 non, 1 en partie, 2 oui. Le consensus est la médiane arrondie à l’inférieur.",
};

pub static EN: Words = Words {
    usage: "\
autodiag — reads ISO 37101 self-assessment JSON exports (format 1 or 2)

Usage:
  autodiag validate FILES… [--json]        checks each file as the app does
  autodiag merge FILES… [--json]           workshop statistics (median, spread, consensus)
  autodiag table FILES… [-o answers.csv]   one CSV table for data tools
  autodiag summary FILES… [--json]         each area's levels across communities

A folder given instead of a file stands for its .json files, in name order.

Options:
  --lang fr|en       language of messages and tables (default fr)
  --json             JSON output (validate, merge, summary)
  -o, --output F     the CSV file to write (table; standard output otherwise)
  -h, --help         this help
  -V, --version      the version

A refused file (unreadable, invalid, a named pipe, a device, a folder that cannot be listed)
is named on standard error with the reason; the others are processed. A name that is not UTF-8
is shown escaped (\\xNN). table's output is never a file read, and is replaced only once
complete.
Exit code: 0 when every file was read, 1 when one was refused, 2 for a usage or write error.
",
    error: "autodiag: ",
    see_help: "See “autodiag --help”.",
    no_command: "the command is missing (validate, merge, table or summary).",
    unknown_command: "unknown command: {}.",
    unknown_option: "unknown option: {}.",
    missing_value: "{} needs a value.",
    unexpected_value: "{} takes no value.",
    not_unicode: "an argument is not valid Unicode: {}.",
    bad_lang: "--lang takes fr or en, not “{}”.",
    no_files: "no file to read.",
    json_not_for_table: "--json does not apply to table (which writes CSV).",
    output_only_for_table: "-o applies to table only.",
    cannot_write: "cannot write {}: {}.",
    output_is_input: "-o {} is also a file to read: the table would overwrite it.",
    output_is_json: "-o {}: table writes CSV, not a .json file (a pattern such as exports/*.json gives -o the first of its files, which would be overwritten).",
    cannot_list: "Cannot list this folder ({}).",
    cannot_list_permission: "Cannot list this folder (permissions).",
    not_found: "File not found.",
    permission: "Reading refused (permissions).",
    unreadable: "Cannot read it ({}).",
    not_a_file: "Not a file.",
    fifo: "A named pipe (FIFO), not a file: it is not opened.",
    device: "A device, not a file: it is not opened.",
    socket: "A socket, not a file: it is not opened.",
    valid: "valid (format {}, {} mode)",
    tally: "files read: {}; refused: {}",
    same_id: "Same id as {}: both are counted.",
    sections: ["purpose", "area", "clause", "requirement"],
    yes: "yes",
    merge_head: "Workshop: {} files, {} people at most, {} mode; community named most: {}",
    mode_full: "full",
    mode_quick: "quick",
    merge_discuss: "To discuss ({}): answers two levels or more apart, or both “yes” and “no” for a requirement",
    merge_nothing_to_discuss: "Nothing to discuss: no question with answers two levels or more apart.",
    col_section: "section",
    col_item: "item",
    col_median: "median",
    col_consensus: "consensus",
    col_discuss: "discuss",
    col_title: "title",
    summary_head: "{} files",
    col_area: "area",
    col_na: "n/a",
    col_unknown: "unknown",
    col_unanswered: "unanswered",
    col_out_of_scope: "out of scope",
    summary_legend: "n: communities that gave a level from 0 to 4 (the area in scope); Q1, Q3: first and third quartiles; 0 to 4: how many at each level; n/a: not applicable.",
    merge_legend: "Scales: priorities 1 low, 2 medium, 3 high; levels 0 to 4; requirements 0 no, 1 partly, 2 yes. The consensus is the median rounded down.",
};
