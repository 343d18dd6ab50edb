//! Share links: the encoding of the fragment, and what is left out unless the user opts in.

#![cfg(not(target_arch = "wasm32"))]

mod common;
use autodiag_core::model::*;
use autodiag_core::share::*;
use common::*;
use proptest::prelude::*;

#[test]
fn base64url_matches_rfc_4648_vectors_without_padding() {
    for (plain, coded) in [
        ("", ""),
        ("f", "Zg"),
        ("fo", "Zm8"),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg"),
        ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(base64url(plain.as_bytes()), coded);
        assert_eq!(from_base64url(coded).unwrap(), plain.as_bytes());
    }
    assert_eq!(base64url(&[0xfb, 0xff]), "-_8", "URL-safe alphabet");
}

#[test]
fn broken_data_is_an_error_not_a_panic() {
    for bad in ["Z", "Zm9v!", "Zm9v=", "é"] {
        assert_eq!(from_base64url(bad), Err(Broken), "{bad:?}");
    }
    assert_eq!(payload("#share=1.Z", "default"), Some(Err(Refused::Broken)));
    let huge = format!("{PREFIX}{}", "A".repeat(MAX_LINK_BYTES + 4));
    assert_eq!(payload(&huge, "default"), Some(Err(Refused::TooLong)));
    assert_eq!(payload("#step=3", "default"), None, "not a share link");
    assert_eq!(payload("", "default"), None);
}

#[test]
fn a_link_carries_its_payload_after_the_page_address() {
    let l = link(
        "https://mairie.example/autodiag/index.html#old",
        b"hello",
        "default",
    )
    .unwrap();
    assert_eq!(
        l,
        "https://mairie.example/autodiag/index.html#share=1.aGVsbG8"
    );
    let fragment = &l[l.find('#').unwrap()..];
    assert_eq!(payload(fragment, "default"), Some(Ok(b"hello".to_vec())));
    assert_eq!(
        payload(fragment, "commune"),
        Some(Ok(b"hello".to_vec())),
        "no namespace: for any"
    );
}

#[test]
fn on_a_page_of_several_widgets_only_the_one_the_link_came_from_offers_it() {
    let l = link("https://portail.example/outil", b"hello", "commune").unwrap();
    assert_eq!(l, "https://portail.example/outil#share=1.aGVsbG8.commune");
    let fragment = &l[l.find('#').unwrap()..];
    assert_eq!(payload(fragment, "commune"), Some(Ok(b"hello".to_vec())));
    assert_eq!(payload(fragment, "atelier"), None);
}

#[test]
fn notes_and_names_stay_behind_unless_asked() {
    let mut a = blank(Mode::Full);
    a.community.name = "Commune".into();
    a.community.participants = "Mme Martin, M. Durand".into();
    a.community.notes = "confidentiel".into();
    let g = area(&mut a, "governance");
    g.level = level(3);
    g.notes = "remarque-gouvernance".into();
    g.indicators = "indicateur".into();
    g.actions.push(PlannedAction {
        title: "Action".into(),
        owner: "M. Durand".into(),
        due: None,
    });
    // Content version 2: indicator values, evidence and clause actions stay behind too.
    g.holder = Some(Holder::Intermunicipal);
    g.followed[0] = Some(Followed {
        value: "valeur-privee".into(),
        unit: "unite-privee".into(),
        year: Some(2025),
    });
    clause(&mut a, "context").notes = "remarque-clause".into();
    let scope = autodiag_core::content::requirement_index("context.scope").unwrap();
    a.requirements[scope] = RequirementAnswer {
        met: Some(Met::Partly),
        evidence: "preuve-privee".into(),
    };
    clause(&mut a, "context").actions.push(PlannedAction {
        title: "Action-clause".into(),
        owner: "Mme Martin".into(),
        due: None,
    });
    let shared = answers_only(&a);
    assert_eq!(shared.community.name, "Commune");
    assert_eq!(shared.areas[0].level, level(3), "answers stay");
    assert_eq!(shared.areas[0].holder, Some(Holder::Intermunicipal));
    assert_eq!(
        shared.areas[0].followed[0],
        Some(Followed::default()),
        "followed stays, its value does not"
    );
    assert_eq!(shared.requirements[scope].met, Some(Met::Partly));
    let text = autodiag_core::format::export_compact(&shared);
    for private in [
        "Martin",
        "Durand",
        "confidentiel",
        "remarque",
        "indicateur",
        "Action",
        "privee",
    ] {
        assert!(!text.contains(private), "{private} left out");
    }
}

proptest! {
    #[test]
    fn base64url_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let coded = base64url(&bytes);
        prop_assert!(coded.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        prop_assert_eq!(from_base64url(&coded).unwrap(), bytes);
    }
}

#[test]
fn a_link_carries_the_answers_without_scores_and_imports_back() {
    let mut a = blank(Mode::Quick);
    a.community.name = "Commune".into();
    area(&mut a, "governance").level = level(3);
    let doc = autodiag_core::format::export_answers(&a);
    assert!(!doc.contains("\"scores\""));
    assert!(doc.len() < autodiag_core::format::export_compact(&a).len());
    assert_eq!(autodiag_core::format::import(doc.as_bytes()).unwrap(), a);
}
