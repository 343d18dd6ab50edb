//! Every untrusted input is bounded before it costs anything: share links, picked and dropped
//! files, a workshop's batch, another window's storage events; and no raw HTML sink is left.

#![cfg(not(target_arch = "wasm32"))]

#[path = "../core/tests/common/mod.rs"]
mod common;
use std::path::{Path, PathBuf};

use autodiag37101::files::{self, check_workshop, TooMuch, MAX_FILE_BYTES};
use autodiag37101::format::{export_compact, MAX_DOCUMENT_BYTES};
use autodiag37101::i18n::Lang;
use autodiag37101::model::Mode;
use autodiag37101::share::*;
use autodiag37101::state::from_other_window;
use autodiag37101::state::Action;
use common::*;

const PAGE: &str = "https://mairie.example/autodiag/";

#[test]
fn one_limit_bounds_every_document_whatever_way_it_comes() {
    assert_eq!(MAX_DOCUMENT_BYTES, 1_000_000);
    assert_eq!(
        MAX_FILE_BYTES, MAX_DOCUMENT_BYTES,
        "picked, dropped or a workshop's"
    );
    assert_eq!(
        MAX_INFLATED_BYTES, MAX_DOCUMENT_BYTES,
        "a decompressed share link"
    );
    // The messages say the figures the code applies.
    assert!(Lang::Fr.walk().import_too_big.contains("1\u{a0}Mo"));
    assert!(Lang::En.walk().import_too_big.contains("1 MB"));
    assert_eq!(MAX_LINK_BYTES, 32_768);
    assert!(Lang::Fr
        .ui()
        .share
        .too_long_for_link
        .contains("32\u{202f}768"));
    assert!(Lang::En.ui().share.too_long_for_link.contains("32,768"));
}

#[test]
fn a_file_is_judged_by_its_size_before_it_is_read() {
    assert!(files::fits(0.0));
    assert!(files::fits(1_000_000.0));
    assert!(!files::fits(1_000_001.0));
    assert!(!files::fits(50e6));
    // Five megabytes used to be read, then refused by the import.
    assert!(!files::fits(5_000_000.0));
}

#[test]
fn a_workshop_refuses_too_many_files_or_bytes_before_reading_any() {
    assert_eq!(check_workshop(&[]), Ok(()));
    assert_eq!(check_workshop(&[2_000.0; 5_000]), Ok(()));
    assert_eq!(check_workshop(&[10.0; 5_001]), Err(TooMuch::Files(5_001)));
    // 100 files of 1 MB: 100 MB, the most; one byte more is too much.
    let mut sizes = vec![1_000_000.0; 100];
    assert_eq!(check_workshop(&sizes), Ok(()));
    sizes.push(1.0);
    assert_eq!(check_workshop(&sizes), Err(TooMuch::Bytes(100_000_001)));
    // Files over the per-file limit are not read, so they do not count: listed with the reason.
    assert_eq!(check_workshop(&[3e9, 1_000.0]), Ok(()));

    let fr = TooMuch::Files(5_001).message(Lang::Fr);
    assert!(
        fr.contains("5\u{202f}001") && fr.contains("5\u{202f}000"),
        "{fr}"
    );
    let en = TooMuch::Bytes(100_000_001).message(Lang::En);
    assert!(en.contains("101 MB") && en.contains("100 MB"), "{en}");
}

#[test]
fn a_link_longer_than_the_limit_is_never_made() {
    // Base64url makes 4 characters of 3 bytes.
    let room = MAX_LINK_BYTES - PAGE.len() - PREFIX.len();
    let fits = vec![0u8; room / 4 * 3];
    let l = link(PAGE, &fits, DEFAULT_NAMESPACE).unwrap();
    assert!(l.len() <= MAX_LINK_BYTES, "{}", l.len());
    let fragment = &l[l.find('#').unwrap()..];
    assert_eq!(payload(fragment, DEFAULT_NAMESPACE), Some(Ok(fits.clone())));

    let over = vec![0u8; room / 4 * 3 + 3];
    assert!(matches!(link(PAGE, &over, DEFAULT_NAMESPACE), Err(TooLong(n)) if n > MAX_LINK_BYTES));
    // A widget's namespace lengthens the link: checked too.
    assert!(link(PAGE, &fits, "a-rather-long-namespace").is_err());
}

#[test]
fn an_overlong_link_is_refused_before_it_is_decoded() {
    let huge = format!("{PREFIX}{}", "A".repeat(MAX_LINK_BYTES));
    assert_eq!(
        payload(&huge, DEFAULT_NAMESPACE),
        Some(Err(Refused::TooLong))
    );
    assert_eq!(
        payload("#share=1.Z", DEFAULT_NAMESPACE),
        Some(Err(Refused::Broken))
    );
}

#[test]
fn decompression_stops_at_the_first_chunk_past_the_document_limit() {
    let mut out = Inflated::default();
    let chunk = vec![b' '; 65_536];
    let mut taken = 0;
    let refused = loop {
        if let Err(e) = out.push(&chunk) {
            break e;
        }
        taken += chunk.len();
        assert!(taken <= MAX_INFLATED_BYTES);
    };
    assert_eq!(refused, Refused::TooLong);
    assert_eq!(taken / chunk.len(), MAX_INFLATED_BYTES / chunk.len());
    assert!(out.into_bytes().is_empty(), "what was kept is let go");

    let mut exact = Inflated::default();
    exact.push(&vec![b'x'; MAX_INFLATED_BYTES]).unwrap();
    assert!(!exact.fits(1));
    assert_eq!(exact.into_bytes().len(), MAX_INFLATED_BYTES);
}

#[test]
fn a_storage_event_applies_only_to_the_assessment_its_key_names() {
    let mut a = blank(Mode::Quick);
    a.revision = 9;
    let json = export_compact(&a);
    assert_eq!(
        from_other_window("11111111-2222-4333-8444-555555555555", Some(&json)),
        None,
        "another assessment's key holding this one"
    );
    assert_eq!(
        from_other_window(ID, Some(&json)),
        Some(Action::External(Box::new(a)))
    );
    assert_eq!(from_other_window(ID, Some("{not json")), None);
    assert_eq!(
        from_other_window(ID, None),
        Some(Action::ExternalRemoved(ID.into()))
    );
}

fn files_under(dir: &Path, ext: &[&str], out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, ext, out);
        } else if path
            .extension()
            .is_some_and(|e| ext.iter().any(|x| e == *x))
        {
            out.push(path);
        }
    }
}

/// No raw HTML sink anywhere: text and attributes go through the DOM, so no answer, note or
/// file name can ever be parsed as markup.
#[test]
fn no_raw_html_sink_is_left() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = Vec::new();
    files_under(&root.join("src"), &["rs"], &mut sources);
    assert!(sources.len() > 20, "{sources:?}");
    let mut scripts = Vec::new();
    files_under(&root.join("embedding"), &["js", "html"], &mut scripts);
    scripts.push(root.join("index.html"));
    let mut found = Vec::new();
    for (paths, sinks) in [
        (
            &sources,
            &["from_html_unchecked", "inner_html", "outer_html"][..],
        ),
        (
            &scripts,
            &[
                "innerHTML",
                "outerHTML",
                "insertAdjacentHTML",
                "document.write",
            ][..],
        ),
    ] {
        for path in paths {
            let text = std::fs::read_to_string(path).unwrap();
            for sink in sinks {
                if text.contains(sink) {
                    found.push(format!("{}: {sink}", path.display()));
                }
            }
        }
    }
    assert!(found.is_empty(), "raw HTML sinks: {found:#?}");
}

/// One writer to storage: views dispatch actions and `use_persistence` writes what changed, so a
/// write can never race the state or skip the conflict check (ARCHITECTURE.md).
#[test]
fn only_use_persistence_writes_to_storage() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = Vec::new();
    files_under(&root.join("src"), &["rs"], &mut sources);
    let writers = [
        ".save(",
        ".save_over(",
        ".save_lang(",
        ".save_position(",
        ".save_exported(",
        ".drop_quarantined(",
        ".delete(",
        ".clear()",
        ".set(",
        ".remove(",
    ];
    let allowed = ["hooks/use_persistence.rs", "web/storage.rs"];
    let mut found = Vec::new();
    for path in &sources {
        if allowed.iter().any(|a| path.ends_with(a)) {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.contains("store") && writers.iter().any(|w| line.contains(w)) {
                found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "storage written outside use_persistence: {found:#?}"
    );
}
