//! The reducer: every action on plain data, natively.

#![cfg(not(target_arch = "wasm32"))]

mod common;
use std::rc::Rc;

use autodiag_core::content::{
    area_index, clause_index, indicators_of, requirement_index, AREAS, CONTENT_VERSION,
    MAX_AREA_INDICATORS, N_REQUIREMENTS, REQUIREMENTS,
};
use autodiag_core::format::{export, import};
use autodiag_core::i18n::Lang;
use autodiag_core::model::*;
use autodiag_core::state::*;
use autodiag_core::steps::Step;

const T1: &str = "2026-11-28T20:00:00Z";
const T2: &str = "2026-11-28T20:05:00Z";
const ID2: &str = "00000000-0000-4000-8000-000000000002";

fn start() -> Rc<State> {
    Rc::new(State::new(Lang::Fr, false, None))
}

fn run(s: Rc<State>, actions: impl IntoIterator<Item = Action>) -> Rc<State> {
    actions.into_iter().fold(s, |s, a| s.reduce(a))
}

fn create(mode: Mode) -> Action {
    Action::Create {
        id: common::ID.into(),
        now: T1.into(),
        mode,
        name: "Saint-Exemple".into(),
    }
}

fn edit(edit: Edit) -> Action {
    Action::Edit {
        now: T2.into(),
        edit,
    }
}

#[test]
fn creating_opens_the_first_step_of_the_mode() {
    let s = run(start(), [create(Mode::Quick)]);
    assert_eq!(s.assessments.len(), 1);
    assert_eq!(s.current.as_deref(), Some(common::ID));
    assert_eq!(s.step, Some(Step::Purposes));
    let s = run(start(), [create(Mode::Full)]);
    assert_eq!(s.step, Some(Step::Community));
    assert_eq!(s.open().unwrap().language, Lang::Fr);
}

#[test]
fn a_blank_name_creates_nothing() {
    let s = start();
    let after = s.clone().reduce(Action::Create {
        id: common::ID.into(),
        now: T1.into(),
        mode: Mode::Quick,
        name: "   ".into(),
    });
    assert!(Rc::ptr_eq(&s, &after));
}

#[test]
fn each_saved_change_bumps_revision_and_time_and_a_no_op_changes_nothing() {
    let s = run(start(), [create(Mode::Quick)]);
    let g0 = s.generation;
    let level2 = Some(Answer::Level(Level::new(2).unwrap()));
    let s = s.reduce(edit(Edit::Level(0, level2)));
    let a = s.open().unwrap();
    assert_eq!((a.revision, a.updated.as_str()), (1, T2));
    assert_eq!(a.areas[0].level, level2);
    assert!(s.generation > g0);
    let same = s.clone().reduce(edit(Edit::Level(0, level2)));
    assert!(
        Rc::ptr_eq(&s, &same),
        "same answer again: no new revision, no re-render"
    );
    assert!(Rc::ptr_eq(
        &same,
        &same.clone().reduce(Action::Goto(Step::Purposes))
    ));
}

#[test]
fn an_empty_name_or_an_impossible_date_is_not_stored() {
    let s = run(start(), [create(Mode::Full)]);
    assert!(Rc::ptr_eq(
        &s,
        &s.clone().reduce(edit(Edit::Name(" ".into())))
    ));
    assert!(Rc::ptr_eq(
        &s,
        &s.clone()
            .reduce(edit(Edit::Date(Some("2026-02-31".into()))))
    ));
    let s = s.reduce(edit(Edit::Date(Some("2026-02-28".into()))));
    assert_eq!(
        s.open().unwrap().community.date.as_deref(),
        Some("2026-02-28")
    );
}

#[test]
fn text_is_cut_at_the_formats_limit() {
    let s = run(
        start(),
        [
            create(Mode::Full),
            edit(Edit::AreaNotes(1, "é".repeat(MAX_TEXT_CHARS + 5))),
        ],
    );
    assert_eq!(
        s.open().unwrap().areas[1].notes.chars().count(),
        MAX_TEXT_CHARS
    );
}

#[test]
fn leaving_the_current_area_out_of_scope_moves_to_a_step_that_exists() {
    let s = run(start(), [create(Mode::Full), Action::Goto(Step::Area(2))]);
    assert_eq!(s.step, Some(Step::Area(2)));
    let s = s.reduce(edit(Edit::InScope(2, false)));
    assert_eq!(s.step, Some(Step::Community));
    assert!(
        Rc::ptr_eq(&s, &s.clone().reduce(Action::Goto(Step::Area(2)))),
        "no such step now"
    );
}

#[test]
fn goto_only_reaches_steps_of_the_mode() {
    let s = run(start(), [create(Mode::Quick)]);
    assert!(Rc::ptr_eq(
        &s,
        &s.clone().reduce(Action::Goto(Step::Community))
    ));
    let s = s.reduce(Action::Goto(Step::Review));
    assert_eq!(s.step, Some(Step::Review));
}

#[test]
fn delete_then_undo_restores_in_place() {
    let s = run(
        start(),
        [
            create(Mode::Quick),
            Action::Duplicate {
                id: common::ID.into(),
                new_id: ID2.into(),
                now: T2.into(),
                name: "Copie".into(),
            },
        ],
    );
    assert_eq!(s.assessments.len(), 2);
    assert_eq!(s.assessments[1].community.name, "Copie");
    assert_eq!(s.assessments[1].revision, 0);
    let s = s.reduce(Action::Delete(common::ID.into()));
    assert_eq!(s.assessments.len(), 1);
    assert_eq!(
        s.current, None,
        "the open assessment was deleted: back to start"
    );
    assert_eq!(
        s.notice,
        Some(Notice::Deleted {
            name: "Saint-Exemple".into()
        })
    );
    let s = s.reduce(Action::Undo);
    assert_eq!(s.assessments[0].id, common::ID);
    assert_eq!(s.assessments.len(), 2);
    assert_eq!(s.notice, None);
}

#[test]
fn rename_keeps_a_name() {
    let s = run(start(), [create(Mode::Quick)]);
    let r = s.clone().reduce(Action::Rename {
        id: common::ID.into(),
        name: "Bourg".into(),
        now: T2.into(),
    });
    assert_eq!(r.assessments[0].community.name, "Bourg");
    assert_eq!(r.assessments[0].revision, 1);
    assert!(Rc::ptr_eq(
        &r,
        &r.clone().reduce(Action::Rename {
            id: common::ID.into(),
            name: "".into(),
            now: T2.into()
        })
    ));
}

#[test]
fn importing_a_known_id_asks_and_never_overwrites_silently() {
    let s = run(start(), [create(Mode::Quick)]);
    let mut file = s.assessments[0].clone();
    file.community.name = "From file".into();
    file.revision = 0;
    let s = s.reduce(Action::Import(Box::new(file.clone())));
    assert_eq!(s.assessments.len(), 1);
    assert_eq!(s.assessments[0].community.name, "Saint-Exemple");
    assert_eq!(s.pending_import.as_ref(), Some(&file));

    let both = s
        .clone()
        .reduce(Action::ResolveImport(ImportChoice::KeepBoth {
            new_id: ID2.into(),
        }));
    assert_eq!(both.assessments.len(), 2);
    assert_eq!(both.assessments[1].id, ID2);
    assert_eq!(both.pending_import, None);

    let replaced = s
        .clone()
        .reduce(Action::ResolveImport(ImportChoice::Replace));
    assert_eq!(replaced.assessments.len(), 1);
    assert_eq!(replaced.assessments[0].community.name, "From file");
    assert!(replaced.assessments[0].revision > s.assessments[0].revision);

    let cancelled = s.reduce(Action::ResolveImport(ImportChoice::Cancel));
    assert_eq!(cancelled.assessments[0].community.name, "Saint-Exemple");
    assert_eq!(cancelled.pending_import, None);
}

#[test]
fn a_newer_version_from_another_window_replaces_an_older_one_only() {
    let s = run(
        start(),
        [
            create(Mode::Quick),
            edit(Edit::Priority(0, Some(Priority::High))),
        ],
    );
    let mut newer = s.assessments[0].clone();
    newer.revision = 5;
    newer.purposes[1].priority = Some(Priority::Low);
    let s2 = s.clone().reduce(Action::External(Box::new(newer.clone())));
    assert_eq!(s2.assessments[0], newer);
    assert_eq!(s2.notice, Some(Notice::ChangedElsewhere));
    let mut older = newer.clone();
    older.revision = 1;
    assert!(Rc::ptr_eq(
        &s2,
        &s2.clone().reduce(Action::External(Box::new(older)))
    ));
}

#[test]
fn a_conflict_shows_the_stored_version_and_says_so() {
    let s = run(
        start(),
        [
            create(Mode::Quick),
            edit(Edit::Priority(0, Some(Priority::High))),
        ],
    );
    let mut theirs = s.assessments[0].clone();
    theirs.revision = 1;
    theirs.purposes[0].priority = Some(Priority::Low);
    let s = s.reduce(Action::Conflict(Box::new(theirs.clone())));
    assert_eq!(s.assessments[0], theirs);
    assert_eq!(s.notice, Some(Notice::Conflict));
}

#[test]
fn removed_elsewhere_closes_it_here_with_a_word() {
    let s = run(start(), [create(Mode::Quick)]);
    let s = s.reduce(Action::ExternalRemoved(common::ID.into()));
    assert!(s.assessments.is_empty());
    assert_eq!(s.current, None);
    assert_eq!(
        s.notice,
        Some(Notice::RemovedElsewhere {
            name: "Saint-Exemple".into()
        })
    );
}

#[test]
fn delete_all_forgets_everything_including_the_language_choice() {
    let s = run(
        start(),
        [
            Action::SetLang(Lang::En),
            create(Mode::Quick),
            Action::Exported {
                id: common::ID.into(),
                at: T2.into(),
            },
        ],
    );
    let s = s.reduce(Action::DeleteAll);
    assert!(s.assessments.is_empty() && s.exported.is_empty() && !s.lang_chosen);
    assert_eq!(s.notice, Some(Notice::AllDeleted));
}

#[test]
fn exporting_resets_the_long_sitting_counter() {
    let s = run(
        start(),
        [
            create(Mode::Quick),
            edit(Edit::Priority(0, Some(Priority::High))),
            edit(Edit::Priority(1, Some(Priority::High))),
        ],
    );
    assert_eq!(s.edits_since_export, 2);
    let s = s.reduce(Action::Exported {
        id: common::ID.into(),
        at: T2.into(),
    });
    assert_eq!(s.edits_since_export, 0);
    assert_eq!(s.exported.get(common::ID).map(String::as_str), Some(T2));
}

#[test]
fn resuming_goes_back_to_the_last_step_shown() {
    let s = run(
        start(),
        [
            create(Mode::Quick),
            Action::Goto(Step::Area(4)),
            Action::Close,
        ],
    );
    assert_eq!(s.current, None);
    let s = s.reduce(Action::Open(common::ID.into()));
    assert_eq!(s.step, Some(Step::Area(4)));
}

#[test]
fn the_action_plan_grows_changes_and_shrinks() {
    let s = run(
        start(),
        [
            create(Mode::Full),
            edit(Edit::AddAction(Plan::Area(0), String::new())),
            edit(Edit::AddAction(Plan::Area(0), String::new())),
        ],
    );
    assert_eq!(s.open().unwrap().areas[0].actions.len(), 2);
    let action = PlannedAction {
        title: "Revue annuelle".into(),
        owner: "DGS".into(),
        due: Some("2027-06-30".into()),
    };
    let s = s.reduce(edit(Edit::SetAction(Plan::Area(0), 1, action.clone())));
    assert_eq!(s.open().unwrap().areas[0].actions[1], action);
    // An impossible date keeps the previous one; a missing action changes nothing.
    let bad = PlannedAction {
        due: Some("2027-02-30".into()),
        ..action.clone()
    };
    let same = s
        .clone()
        .reduce(edit(Edit::SetAction(Plan::Area(0), 1, bad)));
    assert!(Rc::ptr_eq(&s, &same));
    assert!(Rc::ptr_eq(
        &s,
        &s.clone()
            .reduce(edit(Edit::SetAction(Plan::Area(0), 9, action.clone())))
    ));
    let s = s.reduce(edit(Edit::RemoveAction(Plan::Area(0), 0)));
    assert_eq!(s.open().unwrap().areas[0].actions, [action]);
}

#[test]
fn an_action_plan_holds_fifty_actions_at_most() {
    let s = run(
        start(),
        std::iter::once(create(Mode::Full))
            .chain((0..55).map(|_| edit(Edit::AddAction(Plan::Area(3), String::new())))),
    );
    assert_eq!(s.open().unwrap().areas[3].actions.len(), MAX_ACTIONS);
}

/// Where focus goes after each action, and that only actions that change the screen move it.
#[test]
fn every_screen_change_says_where_focus_goes() {
    let s = start();
    assert_eq!((s.arrivals, s.focus), (0, None), "a reload moves no focus");
    let s = run(s, [create(Mode::Quick)]);
    assert_eq!((s.arrivals, s.focus), (1, Some(Focus::Heading)));
    let s = run(
        s,
        [edit(Edit::Level(
            0,
            Some(Answer::Level(Level::new(3).unwrap())),
        ))],
    );
    assert_eq!(s.arrivals, 1, "an answer keeps focus where it is");
    let s = run(s, [Action::Goto(Step::Area(0))]);
    assert_eq!((s.arrivals, s.focus), (2, Some(Focus::Heading)));
    let same = run(s.clone(), [Action::Goto(Step::Area(0))]);
    assert_eq!(same.arrivals, 2, "going where one is already is no arrival");
    let s = run(s, [Action::Close]);
    assert_eq!((s.arrivals, s.focus), (3, Some(Focus::Heading)));
    let s = run(s, [Action::Open(common::ID.into())]);
    assert_eq!(
        (s.arrivals, s.focus),
        (4, Some(Focus::Heading)),
        "« Reprendre »"
    );
    let copy = s.open().unwrap().clone();
    let s = run(s, [Action::Close, Action::Import(Box::new(copy.clone()))]);
    assert_eq!(s.focus, Some(Focus::Decision), "a known id asks first");
    let s = run(
        s,
        [Action::ResolveImport(ImportChoice::KeepBoth {
            new_id: ID2.into(),
        })],
    );
    assert_eq!(s.focus, Some(Focus::Notice), "then says it is imported");
    let n = s.arrivals;
    let s = run(s, [Action::Shared(Ok(Box::new(copy)))]);
    assert_eq!(
        (s.arrivals, s.focus),
        (n + 1, Some(Focus::Decision)),
        "a share link asks"
    );
    let s = run(s, [Action::SharedDecision(false)]);
    assert_eq!(s.focus, Some(Focus::Heading));
    let s = run(
        s,
        [Action::Shared(Err(autodiag_core::share::Refused::Broken))],
    );
    assert_eq!(s.focus, Some(Focus::Notice), "a broken link says so");
}

#[test]
fn the_workshop_view_and_its_tally_start_at_the_heading() {
    let s = run(start(), [Action::Workshop(Box::default())]);
    assert_eq!((s.arrivals, s.focus), (1, Some(Focus::Heading)));
    let s = run(s, [Action::WorkshopTally(true)]);
    assert_eq!((s.arrivals, s.focus), (2, Some(Focus::Heading)));
}

// --- Content version 2: checklist, holders, indicators, clause actions -------------------------

fn open_a(s: &State) -> &Assessment {
    s.open().unwrap()
}

/// The edit changes nothing: the same state comes back.
fn no_op(s: &Rc<State>, e: Edit) {
    assert!(
        Rc::ptr_eq(s, &s.clone().reduce(edit(e.clone()))),
        "{e:?} changes nothing"
    );
}

#[test]
fn a_requirement_is_answered_changed_and_cleared() {
    let r = requirement_index("planning.objectives").unwrap();
    let s = run(
        start(),
        [
            create(Mode::Full),
            edit(Edit::Requirement(r, Some(Met::Partly))),
        ],
    );
    let a = open_a(&s);
    assert_eq!(a.requirements[r].met, Some(Met::Partly));
    assert_eq!((a.revision, a.updated.as_str()), (1, T2));
    assert!(a
        .requirements
        .iter()
        .enumerate()
        .all(|(i, x)| i == r || *x == RequirementAnswer::default()));
    no_op(&s, Edit::Requirement(r, Some(Met::Partly)));
    no_op(&s, Edit::Requirement(N_REQUIREMENTS, Some(Met::Yes)));
    let s = s.reduce(edit(Edit::Requirement(r, Some(Met::Yes))));
    assert_eq!(open_a(&s).requirements[r].met, Some(Met::Yes));
    let s = s.reduce(edit(Edit::Requirement(r, None)));
    assert_eq!(open_a(&s).requirements[r], RequirementAnswer::default());
    assert_eq!(open_a(&s).revision, 3);
}

#[test]
fn evidence_is_kept_with_or_without_an_answer_and_cut_at_the_limit() {
    let r = requirement_index("evaluation.audit").unwrap();
    let s = run(
        start(),
        [
            create(Mode::Full),
            edit(Edit::Evidence(
                r,
                "Convention avec la commune voisine".into(),
            )),
        ],
    );
    assert_eq!(
        open_a(&s).requirements[r],
        RequirementAnswer {
            met: None,
            evidence: "Convention avec la commune voisine".into()
        }
    );
    no_op(
        &s,
        Edit::Evidence(r, "Convention avec la commune voisine".into()),
    );
    no_op(&s, Edit::Evidence(N_REQUIREMENTS, "x".into()));
    let s = s.reduce(edit(Edit::Requirement(r, Some(Met::Yes))));
    assert_eq!(
        open_a(&s).requirements[r].evidence,
        "Convention avec la commune voisine",
        "answering keeps the evidence"
    );
    let s = s.reduce(edit(Edit::Evidence(r, "é".repeat(MAX_TEXT_CHARS + 3))));
    assert_eq!(
        open_a(&s).requirements[r].evidence.chars().count(),
        MAX_TEXT_CHARS
    );
}

#[test]
fn who_holds_an_area_is_set_and_cleared() {
    let mobility = area_index("mobility").unwrap();
    let s = run(
        start(),
        [
            create(Mode::Full),
            edit(Edit::Holder(mobility, Some(Holder::Intermunicipal))),
        ],
    );
    assert_eq!(
        open_a(&s).areas[mobility].holder,
        Some(Holder::Intermunicipal)
    );
    no_op(&s, Edit::Holder(mobility, Some(Holder::Intermunicipal)));
    let s = s.reduce(edit(Edit::Holder(mobility, None)));
    assert_eq!(open_a(&s).areas[mobility].holder, None);
    assert_eq!(open_a(&s).revision, 2);
}

#[test]
fn following_an_indicator_bounds_its_value_unit_and_year() {
    let mobility = area_index("mobility").unwrap();
    let s = run(start(), [create(Mode::Full)]);
    let s = s.reduce(edit(Edit::Follow(
        mobility,
        1,
        Some(Followed {
            value: "8".repeat(MAX_VALUE_CHARS + 7),
            unit: "é".repeat(MAX_UNIT_CHARS + 2),
            year: Some(1899),
        }),
    )));
    let f = open_a(&s).areas[mobility].followed[1].clone().unwrap();
    assert_eq!(
        f.value,
        "8".repeat(MAX_VALUE_CHARS),
        "cut to 100 characters"
    );
    assert_eq!(f.unit, "é".repeat(MAX_UNIT_CHARS), "cut to 30 characters");
    assert_eq!(f.year, None, "a year out of range is dropped");
    for (year, kept) in [
        (2101, None),
        (1900, Some(1900)),
        (2100, Some(2100)),
        (2025, Some(2025)),
    ] {
        let s = s.clone().reduce(edit(Edit::Follow(
            mobility,
            1,
            Some(Followed {
                year: Some(year),
                ..f.clone()
            }),
        )));
        assert_eq!(
            open_a(&s).areas[mobility].followed[1]
                .as_ref()
                .unwrap()
                .year,
            kept,
            "{year}"
        );
    }
    // What is stored reads back from the file: the bounds are the format's.
    let a = open_a(&s).clone();
    assert_eq!(import(export(&a).as_bytes()), Ok(a));
    // The same again is no change; none unfollows.
    no_op(&s, Edit::Follow(mobility, 1, Some(f.clone())));
    let s = s.reduce(edit(Edit::Follow(mobility, 1, None)));
    assert!(open_a(&s).areas[mobility]
        .followed
        .iter()
        .all(Option::is_none));
}

#[test]
fn only_an_areas_own_indicators_can_be_followed() {
    let s = run(start(), [create(Mode::Full)]);
    for (i, _) in AREAS.iter().enumerate() {
        let n = indicators_of(i).len();
        for k in n..MAX_AREA_INDICATORS + 2 {
            no_op(&s, Edit::Follow(i, k, Some(Followed::default())));
        }
        let last = s
            .clone()
            .reduce(edit(Edit::Follow(i, n - 1, Some(Followed::default()))));
        assert!(open_a(&last).areas[i].followed[n - 1].is_some());
    }
}

#[test]
fn a_clause_has_its_own_action_plan() {
    let context = clause_index("context").unwrap();
    let title = REQUIREMENTS[requirement_index("context.scope").unwrap()]
        .title
        .fr()
        .to_string();
    let s = run(
        start(),
        [
            create(Mode::Full),
            edit(Edit::AddAction(Plan::Clause(context), title.clone())),
            edit(Edit::AddAction(
                Plan::Clause(context),
                "é".repeat(MAX_TEXT_CHARS + 1),
            )),
        ],
    );
    let a = open_a(&s);
    assert_eq!(
        a.clauses[context].actions[0],
        PlannedAction {
            title,
            ..PlannedAction::default()
        },
        "an unmet requirement added to the plan starts from its title"
    );
    assert_eq!(
        a.clauses[context].actions[1].title.chars().count(),
        MAX_TEXT_CHARS
    );
    assert!(
        a.areas.iter().all(|x| x.actions.is_empty()),
        "not an area's"
    );
    assert!(a.clauses[1..].iter().all(|c| c.actions.is_empty()));
    let action = PlannedAction {
        title: "Écrire le périmètre".into(),
        owner: "Maire".into(),
        due: Some("2027-01-31".into()),
    };
    let s = s.reduce(edit(Edit::SetAction(
        Plan::Clause(context),
        1,
        action.clone(),
    )));
    let s = s.reduce(edit(Edit::RemoveAction(Plan::Clause(context), 0)));
    assert_eq!(open_a(&s).clauses[context].actions, [action]);
    let full = run(
        s,
        (0..60).map(|_| edit(Edit::AddAction(Plan::Clause(context), String::new()))),
    );
    assert_eq!(open_a(&full).clauses[context].actions.len(), MAX_ACTIONS);
    let a = open_a(&full).clone();
    assert_eq!(import(export(&a).as_bytes()), Ok(a));
}

#[test]
fn content_seen_brings_an_older_assessment_to_the_current_content() {
    let mut old =
        import(include_str!("../../tests/fixtures/v1/full-fr-climate-true.json").as_bytes())
            .unwrap();
    assert_eq!(old.content_version, "1.0.1");
    old.content_version = "1.0.0".into();
    let s = run(
        start(),
        [
            Action::Import(Box::new(old)),
            Action::Open(common::ID.into()),
        ],
    );
    assert!(open_a(&s).predates_checklist());
    let s = s.reduce(edit(Edit::ContentSeen));
    let a = open_a(&s);
    assert_eq!(a.content_version, CONTENT_VERSION);
    assert_eq!(a.revision, 1, "a saved change: the file says so too");
    // Seen once is enough.
    no_op(&s, Edit::ContentSeen);
    // A new assessment is made with the current content already.
    let s = run(start(), [create(Mode::Full)]);
    assert_eq!(open_a(&s).content_version, CONTENT_VERSION);
    no_op(&s, Edit::ContentSeen);
}

#[test]
fn a_language_whose_texts_are_coming_shows_busy_until_chosen_or_refused() {
    let s = run(start(), [Action::LangLoading(Lang::En)]);
    assert_eq!(s.lang_loading, Some(Lang::En));
    assert_eq!(s.lang, Lang::Fr);
    let chosen = run(s.clone(), [Action::SetLang(Lang::En)]);
    assert_eq!((chosen.lang, chosen.lang_loading), (Lang::En, None));
    assert!(chosen.lang_chosen);
    let refused = run(s, [Action::LangUnavailable(Lang::En)]);
    assert_eq!((refused.lang, refused.lang_loading), (Lang::Fr, None));
    assert!(!refused.lang_chosen, "nothing to store");
    assert_eq!(refused.notice, Some(Notice::LangUnavailable(Lang::En)));
    assert_eq!(refused.focus, Some(Focus::Notice));
}
