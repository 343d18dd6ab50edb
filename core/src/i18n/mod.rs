//! The UI's own words in French and English. Framework texts live in `content/`; these are the
//! labels of the interface. One table per language (`fr.rs`, `en.rs`), each a value of the same
//! struct, so that a missing translation is a compile error rather than a blank on screen. Views
//! reach a table only through a handle of `Lang`, so that a language can come at run time rather
//! than compiled in: the wasm carries French only and installs the English pack ([`pack`]) when it
//! is needed. `{}` in a text is filled by [`fill`].
//!
//! Three tables, so that each wasm carries only the words it draws: `Lang::ui()` the words both
//! modules use, `Lang::walk()` those of the start screen and the walk (the first module), and
//! `Lang::report()` those of the review, the profile, the report, the blank questionnaire and
//! sharing (the on-demand module). A word used by both sides belongs in `Ui`.

#[cfg(all_languages)]
mod en;
mod fr;
mod names;
pub mod pack;

#[cfg(all_languages)]
pub use en::{EN, GAP_EN, REPORT_EN, WALK_EN};
pub use fr::{FR, GAP_FR, REPORT_FR, WALK_FR};
pub use pack::{is_available, Words};

pub use crate::lang::Lang;
pub use names::{answer_text, clause_name, holder_info, met_text, priority_title};

impl Lang {
    /// The interface's words in this language. A language whose pack is not installed yet (see
    /// [`pack`]) falls back to French: callers install it before they switch to it.
    #[inline(never)]
    pub fn ui(self) -> &'static Ui {
        match self {
            Lang::Fr => &FR,
            Lang::En => pack::english().map_or(&FR, |p| p.ui),
        }
    }

    /// The words only the walk and the start screen read, in this language (the same fallback
    /// as [`Lang::ui`]). A table of their own: the on-demand module never calls this.
    #[inline(never)]
    pub fn walk(self) -> &'static WalkUi {
        match self {
            Lang::Fr => &WALK_FR,
            Lang::En => pack::english().map_or(&WALK_FR, |p| p.walk),
        }
    }

    /// The words only the report reads, in this language (the same fallback as [`Lang::ui`]).
    /// A table of their own: the first module never calls this, so it does not carry them.
    #[inline(never)]
    pub fn report(self) -> &'static ReportUi {
        match self {
            Lang::Fr => &REPORT_FR,
            Lang::En => pack::english().map_or(&REPORT_FR, |p| p.report),
        }
    }
}

/// `get`, `fr` and `en` for a kind of content text, each kind with tables of its own (French
/// compiled in, English compiled in or from the pack). `get` is not inlined: it is called in
/// hundreds of places, and one copy of it is smaller.
macro_rules! content_texts {
    ($($ty:ident: $fr:ident, $pack:ident;)*) => {$(
        impl crate::content::$ty {
            /// The text in `lang`; in French while `lang`'s pack is not installed.
            #[inline(never)]
            pub fn get(self, lang: Lang) -> &'static str {
                let i = usize::from(self.0);
                match lang {
                    Lang::Fr => crate::content::$fr[i],
                    Lang::En => pack::english().map_or(crate::content::$fr[i], |p| p.$pack[i]),
                }
            }

            pub fn fr(self) -> &'static str {
                self.get(Lang::Fr)
            }

            pub fn en(self) -> &'static str {
                self.get(Lang::En)
            }
        }
    )*};
}

content_texts! {
    Text: FR_TEXTS, texts;
    Hint: FR_HINTS, hints;
    Note: FR_NOTES, notes;
}

/// Declares the tables' structs: `repr(C)` and made of nothing but `&'static str` (checked at
/// compile time through [`Words`]), so that a table has the layout of an array of strings and a
/// language pack becomes one without code per field (`pack::read_words`).
macro_rules! words {
    ($(
        $(#[$sm:meta])*
        pub struct $name:ident {
            $( $(#[$fm:meta])* pub $field:ident : $ty:ty, )*
        }
    )*) => {$(
        $(#[$sm])*
        #[repr(C)]
        pub struct $name {
            $( $(#[$fm])* pub $field: $ty, )*
        }

        // Fails to compile if a field is anything but strings.
        const _: () = {
            const fn words<T: Words>() {}
            $( words::<$ty>(); )*
        };

        // SAFETY: repr(C), and every field is `Words` itself (checked just above).
        unsafe impl Words for $name {
            #[cfg(all_languages)]
            fn write(&self, out: &mut Vec<&'static str>) {
                $( Words::write(&self.$field, out); )*
            }
        }
    )*};
}

/// The form of `forms` (one, more) that `n` takes in `lang`, with `n` and `rest` filled in:
/// French takes the singular for 0 and 1, English for 1 only.
pub fn plural(forms: [&str; 2], n: usize, rest: &[&str], lang: Lang) -> String {
    let one = n == 1 || (n == 0 && lang == Lang::Fr);
    let n = n.to_string();
    let mut args = vec![n.as_str()];
    args.extend_from_slice(rest);
    fill(forms[usize::from(!one)], &args)
}

/// Replaces each `{}` of `template` with the next of `args`.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        out.push_str(args.next().copied().unwrap_or(""));
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

words! {
pub struct Ui {
    pub app_title: &'static str,
    pub intro: &'static str,
    pub self_assessment_notice: &'static str,
    pub areas_heading: &'static str,
    pub footer: &'static str,
    pub name_label: &'static str,
    pub list_caption: &'static str,
    pub col_name: &'static str,
    pub col_mode: &'static str,
    pub col_actions: &'static str,
    pub mode_quick: &'static str,
    pub mode_full: &'static str,
    pub cancel: &'static str,
    pub replace: &'static str,
    pub quarantine: &'static str,
    pub about_heading: &'static str,
    pub next: &'static str,
    pub progress: &'static str,
    pub export_json: &'static str,
    pub step_community: &'static str,
    pub step_scope: &'static str,
    pub step_purposes: &'static str,
    pub step_phase: &'static str,
    pub step_review: &'static str,
    pub unanswered_mark: &'static str,
    pub kind_label: &'static str,
    pub population_label: &'static str,
    pub perimeter_label: &'static str,
    pub object_label: &'static str,
    pub scale_label: &'static str,
    pub phase_label: &'static str,
    pub date_label: &'static str,
    pub participants_label: &'static str,
    pub notes_label: &'static str,
    pub not_given: &'static str,
    pub priority_legend: &'static str,
    pub level_legend: &'static str,
    pub target_legend: &'static str,
    pub evidence_label: &'static str,
    pub climate_legend: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub clause_level_legend: &'static str,
    pub not_computable: &'static str,
    pub on_four: &'static str,
    pub step_profile: &'static str,
    pub print: &'static str,
    pub show_table: &'static str,
    pub back: &'static str,
    pub kinds: [&'static str; 5],
    pub populations: [&'static str; 5],
    pub objects: [&'static str; 5],
    pub scales: [&'static str; 4],
    pub phases: [&'static str; 4],
    pub workshop: WorkshopUi,
    pub share: ShareUi,
    pub gap: GapUi,
    pub clause_label: &'static str,
}

/// The words of share links.
pub struct ShareUi {
    pub button: &'static str,
    pub heading: &'static str,
    pub intro: &'static str,
    pub with_notes: &'static str,
    pub link_label: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub qr_label: &'static str,
    /// "This link is {} bytes long…"
    pub too_long: &'static str,
    /// "This link holds the self-assessment “{}”…"
    pub offer: &'static str,
    pub import: &'static str,
    pub ignore: &'static str,
    pub broken: &'static str,
    /// A link opened that is longer, or expands to more, than any the app makes.
    pub refused_too_long: &'static str,
    /// "With the notes this link would be {} bytes…": too long for a link at all.
    pub too_long_for_link: &'static str,
}

/// The words of the workshop screens.
pub struct WorkshopUi {
    pub heading: &'static str,
    pub intro: &'static str,
    pub files_label: &'static str,
    pub files_hint: &'static str,
    /// "{} files chosen; a workshop takes at most {}…"
    pub too_many_files: &'static str,
    /// "These files add up to {} MB; a workshop reads at most {} MB…"
    pub too_many_bytes: &'static str,
    pub tally_button: &'static str,
    pub title: &'static str,
    /// "{} files merged; up to {} answers per question."
    pub summary: &'static str,
    pub tally_summary: &'static str,
    pub rejected: &'static str,
    pub view_merged: &'static str,
    pub view_tally: &'static str,
    pub tally_intro: &'static str,
    /// "{}: number of people who chose {}"
    pub people_for: &'static str,
    pub discuss_heading: &'static str,
    pub discuss_intro: &'static str,
    pub discuss_none: &'static str,
    pub chart_title: &'static str,
    pub chart_desc: &'static str,
    pub table_heading: &'static str,
    pub col_item: &'static str,
    pub col_answers: &'static str,
    pub col_median: &'static str,
    pub col_range: &'static str,
    pub col_iqr: &'static str,
    pub col_consensus: &'static str,
    pub to_discuss: &'static str,
    pub priority_scale: &'static str,
    pub consensus_heading: &'static str,
    pub consensus_intro: &'static str,
    pub consensus_name: &'static str,
    /// "{} – workshop consensus"
    pub consensus_default: &'static str,
    pub consensus_button: &'static str,
    pub consensus_untitled: &'static str,
    pub nothing_yet: &'static str,
    pub legend_range: &'static str,
    pub legend_median: &'static str,
}

/// The words of the gap analysis (content version 2): the requirements checklist, who holds each
/// area, the indicators followed, the readiness view and further reading.
pub struct GapUi {
    pub checklist_heading: &'static str,
    /// "{} of {}": requirements answered.
    pub checklist_progress: &'static str,
    /// "{} points": a change of a share, in percentage points.
    pub points_change: &'static str,
    pub add_to_plan: &'static str,
    pub in_plan: &'static str,
    pub suggested_actions: &'static str,
    pub reading_heading: &'static str,
    pub reading_intro: &'static str,
    pub new_tab: &'static str,
}

/// The words only the walk and the start screen read: a table of their own, so that the
/// on-demand module, which never draws them, does not carry them.
pub struct WalkUi {
    pub tagline: &'static str,
    pub privacy_notice: &'static str,
    pub privacy_people: &'static str,
    /// The accessible name of the group of language buttons.
    pub language_label: &'static str,
    pub purposes_heading: &'static str,
    pub purposes_intro: &'static str,
    pub areas_intro: &'static str,
    pub storage_unavailable: &'static str,
    pub storage_write_refused: &'static str,
    pub new_heading: &'static str,
    pub name_hint: &'static str,
    pub name_required: &'static str,
    pub mode_legend: &'static str,
    pub quick_title: &'static str,
    pub quick_desc: &'static str,
    pub full_title: &'static str,
    pub full_desc: &'static str,
    pub start_button: &'static str,
    pub list_heading: &'static str,
    pub col_completion: &'static str,
    pub col_updated: &'static str,
    pub resume: &'static str,
    pub rename: &'static str,
    pub rename_label: &'static str,
    pub save: &'static str,
    pub duplicate: &'static str,
    pub copy_suffix: &'static str,
    pub delete: &'static str,
    pub confirm_delete: &'static str,
    pub confirm_yes_delete: &'static str,
    pub deleted: &'static str,
    pub undo: &'static str,
    pub dismiss: &'static str,
    pub open_file: &'static str,
    pub open_file_hint: &'static str,
    pub imported: &'static str,
    pub import_failed: &'static str,
    pub import_too_big: &'static str,
    pub import_unreadable: &'static str,
    pub collision: &'static str,
    pub keep_both: &'static str,
    pub download_it: &'static str,
    pub delete_it: &'static str,
    pub data_heading: &'static str,
    pub delete_all: &'static str,
    pub confirm_delete_all: &'static str,
    pub confirm_yes_delete_all: &'static str,
    pub all_deleted: &'static str,
    /// A language's texts could not be loaded: the app stays in French.
    pub lang_unavailable: &'static str,
    /// The part of the tool that loads on demand (the profile, the printed report, sharing, the
    /// blank questionnaire): while it comes, and when it could not.
    pub on_demand_loading: &'static str,
    pub on_demand_failed: &'static str,
    pub retry: &'static str,
    pub changed_elsewhere: &'static str,
    pub conflict: &'static str,
    pub removed_elsewhere: &'static str,
    pub back_to_list: &'static str,
    pub steps_label: &'static str,
    pub step_of: &'static str,
    pub next_is: &'static str,
    pub previous: &'static str,
    pub saved: &'static str,
    pub not_saved: &'static str,
    pub last_export: &'static str,
    pub never_exported: &'static str,
    pub long_sitting: &'static str,
    pub answered_mark: &'static str,
    pub clear_answer: &'static str,
    pub community_intro: &'static str,
    pub perimeter_hint: &'static str,
    pub participants_hint: &'static str,
    pub scope_intro: &'static str,
    pub scope_legend: &'static str,
    pub purposes_step_intro: &'static str,
    pub questions_heading: &'static str,
    pub area_priority_legend: &'static str,
    pub contrib_heading: &'static str,
    pub contrib_intro: &'static str,
    pub contrib_default: &'static str,
    pub indicators_hint: &'static str,
    pub blank_button: &'static str,
    pub checklist_intro: &'static str,
    pub indicators_heading: &'static str,
    pub indicators_intro: &'static str,
    pub value_label: &'static str,
    pub unit_label: &'static str,
    pub year_label: &'static str,
    pub source_label: &'static str,
    /// "{} (earlier version)": shown once on an assessment made with earlier questions.
    pub new_questions: &'static str,
    pub new_questions_ok: &'static str,
    pub other_indicators_label: &'static str,
    /// The evidence field's label and hint when the answer is « Sans objet »: its reason.
    pub na_reason_label: &'static str,
    pub na_reason_hint: &'static str,
}

/// The words only the report reads (the review, the profile, the printed report, the blank
/// questionnaire, sharing): a table of their own, so that the first module, which never draws
/// them, does not carry them.
pub struct ReportUi {
    /// Columns and sections of the CSV that format v2 added.
    pub csv_holder: &'static str,
    pub csv_value: &'static str,
    pub csv_unit: &'static str,
    pub csv_year: &'static str,
    pub csv_requirement: &'static str,
    pub csv_indicator: &'static str,
    /// "between “{}” and “{}”": a workshop median or quartile halfway between two requirement
    /// answers.
    pub met_between: &'static str,
    pub indicators_label: &'static str,
    pub review_intro: &'static str,
    pub left_heading: &'static str,
    pub all_answered: &'static str,
    pub scores_heading: &'static str,
    pub completion_label: &'static str,
    pub overall_label: &'static str,
    pub management_label: &'static str,
    pub purpose_scores_heading: &'static str,
    pub col_purpose: &'static str,
    pub col_priority: &'static str,
    pub col_achievement: &'static str,
    pub priorities_heading: &'static str,
    pub no_priorities: &'static str,
    /// The gap to a target someone set, by number: one, then more.
    pub priority_why: [&'static str; 2],
    /// "next step: level {}": a priority when no target is set.
    pub next_step: &'static str,
    pub out_of_scope_heading: &'static str,
    pub unknowns_heading: &'static str,
    pub csv_section: &'static str,
    pub csv_title: &'static str,
    pub csv_level: &'static str,
    pub csv_target: &'static str,
    pub csv_notes: &'static str,
    pub csv_community: &'static str,
    pub csv_purpose: &'static str,
    pub csv_area: &'static str,
    pub csv_action: &'static str,
    pub csv_clause: &'static str,
    pub csv_score: &'static str,
    pub export_csv: &'static str,
    pub compare_label: &'static str,
    pub compare_none: &'static str,
    pub radar_title: &'static str,
    pub radar_desc: &'static str,
    pub bars_title: &'static str,
    pub heatmap_title: &'static str,
    pub legend_now: &'static str,
    pub legend_earlier: &'static str,
    pub legend_current: &'static str,
    pub legend_target: &'static str,
    pub not_assessed: &'static str,
    pub strengths_heading: &'static str,
    pub strength_why: &'static str,
    pub gaps_heading: &'static str,
    pub gap_why: &'static str,
    pub priority_reason: &'static str,
    pub priority_reason_plain: &'static str,
    pub notes_heading: &'static str,
    pub actions_heading: &'static str,
    pub actions_intro: &'static str,
    pub action_title: &'static str,
    pub action_owner: &'static str,
    pub action_due: &'static str,
    pub add_action: &'static str,
    pub remove_action: &'static str,
    pub answers_heading: &'static str,
    pub col_level: &'static str,
    pub col_target: &'static str,
    pub col_change: &'static str,
    pub change_heading: &'static str,
    pub report_footer: &'static str,
    pub blank_title: &'static str,
    pub blank_intro: &'static str,
    pub requirements_met: &'static str,
    /// "{share} — {met} met, {partly} partly, {no} not met, {unknown} unknown"
    pub met_summary: &'static str,
    pub nothing_scored: &'static str,
    pub readiness_heading: &'static str,
    pub readiness_intro: &'static str,
    pub readiness_caption: &'static str,
    pub col_clause: &'static str,
    pub col_met: &'static str,
    pub col_partly: &'static str,
    pub col_not_met: &'static str,
    pub col_unknown: &'static str,
    pub col_share: &'static str,
    pub col_na: &'static str,
    pub col_unanswered: &'static str,
    pub col_total: &'static str,
    /// "… and {} more areas, in the action plan."
    pub more_priorities: &'static str,
    pub unmet_heading: &'static str,
    pub unmet_intro: &'static str,
    pub unmet_none: &'static str,
    pub followed_heading: &'static str,
    pub holder_col: &'static str,
    pub holders_heading: &'static str,
    /// "{answers}, {tool}": the content versions.
    pub content_version_note: &'static str,
    /// "This area is run by {}: …", after a finding on an area another body holds.
    pub taking_part: &'static str,
    pub demonstrated_label: &'static str,
    pub declared_label: &'static str,
    /// "{} of {} requirements backed by a document", by number.
    pub demonstrated_count: [&'static str; 2],
    /// "provisional: {} of {} requirements answered", by number.
    pub provisional: [&'static str; 2],
    pub no_documents: &'static str,
    /// "yes, no document named: {}".
    pub yes_undocumented: &'static str,
    pub col_demonstrated: &'static str,
    pub phases_caption: &'static str,
    pub col_phase: &'static str,
    pub col_asked: &'static str,
    pub exclusions_heading: &'static str,
    pub exclusions_intro: &'static str,
    pub reason_missing: &'static str,
    /// "reason given: {}".
    pub reason_given: &'static str,
    pub mismatch_heading: &'static str,
    /// "{clause}: level {} but {share} of its requirements met …".
    pub mismatch: &'static str,
}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_in_order() {
        assert_eq!(fill("Step {} of {}", &["2", "9"]), "Step 2 of 9");
        assert_eq!(fill("no slot", &["x"]), "no slot");
        assert_eq!(fill("{} and {}", &["a"]), "a and ");
    }
}
