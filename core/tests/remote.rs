//! What the two wasm modules tell each other survives the trip as JSON, and nothing else is
//! taken for a message.

use autodiag_core::lang::Lang;
use autodiag_core::model::PlannedAction;
use autodiag_core::remote::{Head, Reply, Screen};
use autodiag_core::state::{Action, Edit, Plan};
use autodiag_core::steps::Step;
use autodiag_core::workshop::{Item, Workshop, MAX_COUNT};

#[test]
fn heads_round_trip() {
    for (screen, current) in [
        (
            Screen::Profile,
            Some("3f1c0a4e-1b2c-4d5e-8f90-123456789abc".to_string()),
        ),
        (Screen::Blank, None),
        (Screen::Review, Some("r".to_string())),
    ] {
        let head = Head {
            screen,
            lang: Lang::En,
            ids: "ad-my-site".into(),
            namespace: "my \"site\" \\ é".into(),
            standalone: false,
            current,
            workshop: None,
        };
        assert_eq!(Head::from_json(&head.to_json()), Some(head));
    }
}

/// A workshop with a count in every cell, each different, so that a swapped row or column shows.
fn busy_workshop() -> Workshop {
    let mut w = Workshop {
        files: 9,
        full: true,
        community: "Saint-Père « sur » Loire".into(),
        ..Workshop::default()
    };
    let mut n = 1;
    for row in w
        .purposes
        .iter_mut()
        .chain(&mut w.areas)
        .chain(&mut w.clauses)
        .chain(&mut w.requirements)
    {
        for c in &mut row.0 {
            *c = n;
            n += 1;
        }
    }
    w.areas[11].0[4] = MAX_COUNT;
    w
}

#[test]
fn a_workshop_crosses_whole() {
    for screen in [Screen::Workshop, Screen::Tally] {
        let head = Head {
            screen,
            lang: Lang::Fr,
            ids: "ad".into(),
            namespace: "ns".into(),
            standalone: true,
            current: None,
            workshop: Some(busy_workshop()),
        };
        assert_eq!(Head::from_json(&head.to_json()), Some(head));
    }
}

#[test]
fn a_workshop_out_of_bounds_is_no_head() {
    let head = Head {
        screen: Screen::Workshop,
        lang: Lang::Fr,
        ids: "ad".into(),
        namespace: "ns".into(),
        standalone: true,
        current: None,
        workshop: Some(Workshop::default()),
    };
    let json = head.to_json();
    assert!(Head::from_json(&json).is_some());
    // One area too many, one count too few, a count past the most a workshop holds.
    for (from, to) in [
        (r#""areas":["#, r#""areas":[[0,0,0,0,0],"#),
        (r#""purposes":[[0,0,0,0,0]"#, r#""purposes":[[0,0,0,0]"#),
        (
            r#""clauses":[[0,0,0,0,0]"#,
            &*format!(r#""clauses":[[0,0,0,0,{}]"#, MAX_COUNT + 1),
        ),
        (r#""files":0"#, r#""files":-1"#),
    ] {
        let bad = json.replacen(from, to, 1);
        assert_ne!(bad, json, "{from}");
        assert_eq!(Head::from_json(&bad), None, "{to}");
    }
}

#[test]
fn replies_round_trip() {
    let action = PlannedAction {
        title: "Réunir le comité « eau »".into(),
        owner: "Mme Martin".into(),
        due: Some("2027-06-30".into()),
    };
    let now = "2026-12-03T17:00:00Z".to_string();
    let replies = [
        Reply::Goto(Step::Area(3)),
        Reply::Goto(Step::Review),
        Reply::Back,
        Reply::Exported {
            id: "x".into(),
            at: now.clone(),
        },
        Reply::Edit {
            now: now.clone(),
            edit: Edit::AddAction(Plan::Area(11), "Un titre".into()),
        },
        Reply::Edit {
            now: now.clone(),
            edit: Edit::SetAction(Plan::Clause(2), 4, action.clone()),
        },
        Reply::Edit {
            now: now.clone(),
            edit: Edit::SetAction(
                Plan::Area(0),
                0,
                PlannedAction {
                    due: None,
                    ..action
                },
            ),
        },
        Reply::Edit {
            now: now.clone(),
            edit: Edit::RemoveAction(Plan::Area(5), 1),
        },
        Reply::Count {
            item: Item::Purpose(5),
            value: 3,
            people: 12,
        },
        Reply::Count {
            item: Item::Area(11),
            value: 0,
            people: 0,
        },
        Reply::Count {
            item: Item::Clause(6),
            value: 4,
            people: MAX_COUNT,
        },
        Reply::Consensus {
            id: "c".into(),
            now,
            name: "Atelier « 12 mai »".into(),
        },
    ];
    for reply in replies {
        assert_eq!(
            Reply::from_json(&reply.to_json()),
            Some(reply.clone()),
            "{reply:?}"
        );
        // And what the first module dispatches is the action the on-demand module meant.
        if let Some(action) = reply.clone().into_action() {
            assert_eq!(Reply::from_action(&action), Some(reply));
        }
    }
}

#[test]
fn only_the_action_plan_and_navigation_cross() {
    let now = "2026-12-03T17:00:00Z".to_string();
    assert_eq!(
        Reply::from_action(&Action::Edit {
            now,
            edit: Edit::ContentSeen
        }),
        None
    );
    assert_eq!(Reply::from_action(&Action::Close), None);
}

#[test]
fn anything_else_is_no_reply() {
    for text in [
        "",
        "null",
        "[]",
        "{}",
        r#"{"goto":"nowhere"}"#,
        r#"{"goto":3}"#,
        r#"{"exported":{"id":"x"}}"#,
        r#"{"edit":{"add":["area",1]},"now":"t"}"#,
        r#"{"edit":{"add":["town",1],"title":"t"},"now":"t"}"#,
        r#"{"edit":{"remove":["area",-1],"index":0},"now":"t"}"#,
        r#"{"edit":{"set":["area",1],"index":0,"title":"t","owner":"o","due":5},"now":"t"}"#,
        r#"{"edit":{"add":["area",1],"title":"t"}}"#,
        // An item past the framework's end, a value the item does not take, a negative count.
        r#"{"count":["area",12],"value":1,"people":1}"#,
        r#"{"count":["purpose",0],"value":0,"people":1}"#,
        r#"{"count":["clause",0],"value":5,"people":1}"#,
        r#"{"count":["area",0],"value":1,"people":-1}"#,
        r#"{"count":["team",0],"value":1,"people":1}"#,
        r#"{"consensus":{"id":"c","now":"t"}}"#,
    ] {
        assert_eq!(Reply::from_json(text), None, "{text}");
    }
    for text in [
        "",
        "{}",
        r#"{"screen":"profile","lang":"de","ids":"a","namespace":"b","standalone":true,"current":null}"#,
    ] {
        assert_eq!(Head::from_json(text), None, "{text}");
    }
}
