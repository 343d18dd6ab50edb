//! The command line, run as a user runs it (`CARGO_BIN_EXE_autodiag`): golden outputs on the real
//! version 1 exports of `tests/fixtures/v1/` and two version 2 exports written by the core, a
//! batch with bad files, the machine CSV read back by a real CSV parser, usage errors.
//!
//! Golden files live in `cli/tests/golden/`. After an intended change of output, regenerate them
//! with `UPDATE_GOLDEN=1 cargo test -p autodiag-cli` and review the diff.

mod common;

use std::path::{Path, PathBuf};

use autodiag_core::content::{area_index, clause_index, requirement_index, N_AREAS};
use autodiag_core::format;
use autodiag_core::i18n::Lang;
use autodiag_core::model::*;
use autodiag_core::summary::Summary;
use autodiag_core::table::COLUMNS;
use autodiag_core::workshop::{Item, Workshop};
use common::{root, run, text, varied};
use serde_json::Value;

const V1: [&str; 3] = [
    "tests/fixtures/v1/full-en-climate-false.json",
    "tests/fixtures/v1/full-fr-climate-true.json",
    "tests/fixtures/v1/quick-fr.json",
];
const V2: [&str; 2] = [
    "cli/tests/fixtures/v2-full.json",
    "cli/tests/fixtures/v2-quick.json",
];

fn fixtures() -> Vec<&'static str> {
    V1.iter().chain(&V2).copied().collect()
}

fn args<'a>(first: &[&'a str], files: &[&'a str]) -> Vec<&'a str> {
    first.iter().chain(files).copied().collect()
}

/// Compares `actual` with the golden file `name`, or writes it when `UPDATE_GOLDEN` is set.
fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run with UPDATE_GOLDEN=1", path.display()));
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .map_or(expected.lines().count().min(actual.lines().count()), |i| i);
        panic!(
            "{name} differs from its golden file, first at line {}:\n  golden: {:?}\n  actual: {:?}\n\
             (UPDATE_GOLDEN=1 regenerates it; review the diff)",
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line),
        );
    }
}

fn level(v: u8) -> Option<Answer> {
    Level::new(v).map(Answer::Level)
}

/// A full assessment in format version 2: every kind of answer, an area out of scope that keeps
/// its level, holders, targets, and requirements answered each way.
fn v2_full() -> Assessment {
    let mut a = Assessment::new(
        "5f2d6c1a-7b3e-4c9d-8a1f-0e2d3c4b5a69".into(),
        "2026-11-30T09:00:00.000Z".into(),
        Lang::Fr,
        Mode::Full,
        "Communauté de communes du Val d’Essai".into(),
    );
    a.revision = 7;
    a.community.date = Some("2026-11-27".into());
    a.community.kind = Some(Kind::Intercommunality);
    a.purposes[0].priority = Some(Priority::High);
    a.purposes[1].priority = Some(Priority::Medium);
    a.purposes[2].priority = Some(Priority::Low);
    let area = |id: &str| area_index(id).unwrap();
    let (g, e, i, h, m, b) = (
        area("governance"),
        area("education"),
        area("innovation"),
        area("health"),
        area("mobility"),
        area("biodiversity"),
    );
    a.areas[g].level = level(3);
    a.areas[g].target = Level::new(4);
    a.areas[g].holder = Some(Holder::Community);
    a.areas[e].level = Some(Answer::Na);
    a.areas[i].level = Some(Answer::Unknown);
    a.areas[h].level = level(2);
    a.areas[h].target = Level::new(3);
    a.areas[h].holder = Some(Holder::Intermunicipal);
    a.areas[m].level = level(1);
    a.areas[m].holder = Some(Holder::Intermunicipal);
    a.areas[m].notes = "Comptages à la sortie de l’école, deux fois par an.".into();
    a.areas[b].in_scope = false;
    a.areas[b].level = level(2);
    let clause = |id: &str| clause_index(id).unwrap();
    a.clauses[clause("context")].level = level(2);
    a.clauses[clause("leadership")].level = level(1);
    a.clauses[clause("planning")].level = Some(Answer::Na);
    a.clauses[clause("support")].level = Some(Answer::Unknown);
    for (id, met) in [
        ("context.climate", Met::Yes),
        ("context.scope", Met::Partly),
        ("context.parties", Met::No),
        ("context.issues", Met::Na),
        ("leadership.policy", Met::Unknown),
    ] {
        a.requirements[requirement_index(id).unwrap()].met = Some(met);
    }
    a.requirements[requirement_index("context.climate").unwrap()].evidence =
        "Délibération du 12 mars 2026".into();
    a
}

/// A quick assessment in format version 2, in English, whose name needs quoting in CSV and no
/// community date (quick mode never asks it).
fn v2_quick() -> Assessment {
    let mut a = Assessment::new(
        "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d".into(),
        "2026-12-01T17:45:00.000Z".into(),
        Lang::En,
        Mode::Quick,
        "Syndicat \"Eau, Forêts\"".into(),
    );
    a.purposes[0].priority = Some(Priority::Low);
    a.purposes[3].priority = Some(Priority::High);
    for (k, v) in [0, 4, 2, 3, 1, 2, 0, 4, 3].into_iter().enumerate() {
        a.areas[k].level = level(v);
    }
    a.areas[9].level = Some(Answer::Unknown);
    a.areas[10].in_scope = false;
    a
}

#[test]
fn the_v2_fixtures_are_the_cores_exports() {
    for (path, a) in V2.iter().zip([v2_full(), v2_quick()]) {
        let path = root().join(path);
        let json = format::export(&a);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &json).unwrap();
        }
        let on_disk = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            on_disk,
            json,
            "{} is not what format::export writes now (UPDATE_GOLDEN=1 rewrites it)",
            path.display()
        );
        assert_eq!(format::import(on_disk.as_bytes()), Ok(a));
    }
}

#[test]
fn validate_lists_each_file_with_its_version_and_exits_0() {
    let out = run(&args(&["validate"], &fixtures()));
    assert_eq!(out.status.code(), Some(0));
    golden("validate.txt", &text(&out.stdout));
    assert_eq!(
        text(&out.stderr),
        "fichiers lus\u{a0}: 5\u{202f}; refusés\u{a0}: 0\n"
    );

    let out = run(&args(&["validate", "--json"], &fixtures()));
    assert_eq!(out.status.code(), Some(0));
    golden("validate.json", &text(&out.stdout));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let versions: Vec<u64> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["version"].as_u64().unwrap())
        .collect();
    assert_eq!(versions, [1, 1, 1, 2, 2]);
    assert_eq!(v[4]["community"], "Syndicat \"Eau, Forêts\"");
    assert_eq!(v[0]["id"], "7d4f1a2b-9c3e-4f5a-8b6c-1d2e3f4a5b6c");
}

#[test]
fn merge_gives_the_workshops_figures() {
    let out = run(&args(&["merge"], &fixtures()));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    golden("merge.txt", &text(&out.stdout));
    let out = run(&args(&["merge", "--lang", "en"], &fixtures()));
    golden("merge-en.txt", &text(&out.stdout));

    let out = run(&args(&["merge", "--json"], &fixtures()));
    assert_eq!(out.status.code(), Some(0));
    golden("merge.json", &text(&out.stdout));
    // The same figures as Workshop::merge over the same files, which the browser shows.
    let all: Vec<Assessment> = fixtures()
        .iter()
        .map(|f| format::import(&std::fs::read(root().join(f)).unwrap()).unwrap())
        .collect();
    let w = Workshop::merge(&all);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"], 5);
    assert_eq!(v["people"], w.people());
    assert_eq!(v["community"], w.community.as_str());
    assert_eq!(v["full"], true);
    let items = v["items"].as_array().unwrap();
    assert_eq!(items.len(), w.items().len());
    for (item, j) in w.items().into_iter().zip(items) {
        match w.stats(item) {
            None => {
                assert_eq!(j["count"], 0);
                assert!(j["median"].is_null() && j["q1"].is_null() && j["consensus"].is_null());
            }
            Some(s) => {
                assert_eq!(j["count"], s.count);
                assert_eq!(j["median"].as_f64(), Some(s.median));
                assert_eq!(j["q1"].as_f64(), Some(s.q1));
                assert_eq!(j["q3"].as_f64(), Some(s.q3));
                assert_eq!(
                    (j["min"].as_u64(), j["max"].as_u64()),
                    (Some(s.min.into()), Some(s.max.into()))
                );
                assert_eq!(j["disagreement"], s.disagreement);
                assert_eq!(j["consensus"], s.consensus);
            }
        }
    }
    let discuss: Vec<String> = v["to_discuss"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{}:{}",
                d["section"].as_str().unwrap(),
                d["item"].as_str().unwrap()
            )
        })
        .collect();
    let expected: Vec<String> = w
        .to_discuss()
        .into_iter()
        .map(|(i, _)| match i {
            Item::Purpose(k) => format!("purpose:{}", autodiag_core::content::PURPOSES[k].id),
            Item::Area(k) => format!("area:{}", autodiag_core::content::AREAS[k].id),
            Item::Clause(k) => format!("clause:{}", autodiag_core::content::CLAUSES[k].id),
            Item::Requirement(k) => {
                format!("requirement:{}", autodiag_core::content::REQUIREMENTS[k].id)
            }
        })
        .collect();
    assert_eq!(discuss, expected);
    assert!(!discuss.is_empty());
}

#[test]
fn summary_gives_each_areas_levels_across_communities() {
    let out = run(&args(&["summary"], &fixtures()));
    assert_eq!(out.status.code(), Some(0));
    golden("summary.txt", &text(&out.stdout));
    let out = run(&args(&["summary", "--lang", "en"], &fixtures()));
    golden("summary-en.txt", &text(&out.stdout));
    let out = run(&args(&["summary", "--json"], &fixtures()));
    golden("summary.json", &text(&out.stdout));

    let all: Vec<Assessment> = fixtures()
        .iter()
        .map(|f| format::import(&std::fs::read(root().join(f)).unwrap()).unwrap())
        .collect();
    let s = Summary::of(&all);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"], 5);
    let areas = v["areas"].as_array().unwrap();
    assert_eq!(areas.len(), N_AREAS);
    for (a, j) in s.areas.iter().zip(areas) {
        assert_eq!(j["count"], a.scored());
        assert_eq!(j["median"].as_f64(), a.stats().map(|s| s.median));
        assert_eq!(j["levels"], serde_json::json!(a.levels.0));
        assert_eq!(j["out_of_scope"], a.out_of_scope);
    }
}

#[test]
fn summary_over_no_community_is_null_never_nan() {
    // Only out-of-scope areas: no community gave a level.
    let dir = tmp("summary-empty");
    let mut a = v2_quick();
    for area in &mut a.areas {
        area.in_scope = false;
    }
    std::fs::write(dir.join("out.json"), format::export(&a)).unwrap();
    let out = run(&["summary", "--json", dir.join("out.json").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let json = text(&out.stdout);
    assert!(!json.contains("NaN"));
    let v: Value = serde_json::from_str(&json).unwrap();
    for j in v["areas"].as_array().unwrap() {
        assert_eq!(j["count"], 0);
        assert_eq!(j["out_of_scope"], 1);
        for k in ["median", "q1", "q3", "min", "max"] {
            assert!(j[k].is_null(), "{k} of {}", j["area"]);
        }
    }
    let out = run(&["summary", dir.join("out.json").to_str().unwrap()]);
    let t = text(&out.stdout);
    assert!(!t.contains("NaN"));
    // Nothing at all read: the same table, every count 0.
    let out = run(&["summary", "--json", "no-such-file.json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"], 0);
    assert!(v["areas"][0]["median"].is_null());
}

#[test]
fn table_writes_the_machine_csv() {
    let dir = tmp("table");
    let csv_path = dir.join("answers.csv");
    let out = run(&args(
        &["table", "-o", csv_path.to_str().unwrap()],
        &fixtures(),
    ));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    let bytes = std::fs::read(&csv_path).unwrap();
    golden("table.csv", &text(&bytes));
    // The same bytes on standard output.
    let out = run(&args(&["table"], &fixtures()));
    assert_eq!(out.stdout, bytes);
    // UTF-8 without a byte-order mark; every line ends in CRLF.
    assert!(!bytes.starts_with(b"\xEF\xBB\xBF"));
    let t = text(&bytes);
    assert!(t.ends_with("\r\n"));
    assert_eq!(t.matches('\n').count(), t.matches("\r\n").count());

    // Read back by a real CSV parser.
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(headers, COLUMNS);
    assert_eq!(
        headers,
        [
            "file",
            "id",
            "community",
            "date",
            "mode",
            "section",
            "item",
            "answer",
            "score",
            "target",
            "holder"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // Quick files: 6 purposes + 12 areas; full files add 7 clauses and 27 requirements.
    assert_eq!(rows.len(), 52 + 52 + 18 + 52 + 18);
    let col = |name: &str| COLUMNS.iter().position(|c| *c == name).unwrap();
    for r in &rows {
        assert_eq!(r.len(), 11);
        assert!(["purpose", "area", "clause", "requirement"].contains(&&r[col("section")]));
        let answer = &r[col("answer")];
        let score = &r[col("score")];
        assert!(
            [
                "",
                "0",
                "1",
                "2",
                "3",
                "4",
                "na",
                "unknown",
                "out-of-scope",
                "yes",
                "partly",
                "no",
                "low",
                "medium",
                "high"
            ]
            .contains(&answer),
            "{answer}"
        );
        if !score.is_empty() {
            let s: f64 = score.parse().unwrap();
            assert!((0.0..=4.0).contains(&s));
        }
        assert_eq!(
            score.is_empty(),
            ["", "na", "unknown", "out-of-scope"].contains(&answer),
            "{r:?}"
        );
    }
    let find = |file: &str, item: &str| {
        rows.iter()
            .find(|r| r[col("file")].ends_with(file) && &r[col("item")] == item)
            .unwrap_or_else(|| panic!("{file} {item}"))
            .clone()
    };
    // A v1 climate answer becomes the requirement context.climate.
    let r = find("full-en-climate-false.json", "context.climate");
    assert_eq!((&r[col("answer")], &r[col("score")]), ("no", "0"));
    let r = find("full-fr-climate-true.json", "context.climate");
    assert_eq!((&r[col("answer")], &r[col("score")]), ("yes", "1"));
    let r = find("v2-full.json", "context.scope");
    assert_eq!((&r[col("answer")], &r[col("score")]), ("partly", "0.5"));
    let r = find("v2-full.json", "health");
    assert_eq!(
        (
            &r[col("answer")],
            &r[col("score")],
            &r[col("target")],
            &r[col("holder")]
        ),
        ("2", "2", "3", "intermunicipal")
    );
    let r = find("v2-full.json", "biodiversity");
    assert_eq!((&r[col("answer")], &r[col("score")]), ("out-of-scope", ""));
    let r = find("v2-full.json", "attractiveness");
    assert_eq!((&r[col("answer")], &r[col("score")]), ("high", "3"));
    assert_eq!(&r[col("date")], "2026-11-27");
    // The community's name, comma and quotes included, comes back whole; the date falls back to
    // the day of the last save.
    let r = find("v2-quick.json", "governance");
    assert_eq!(&r[col("community")], "Syndicat \"Eau, Forêts\"");
    assert_eq!(&r[col("date")], "2026-12-01");
    assert_eq!(&r[col("mode")], "quick");
    assert_eq!(&r[col("file")], "cli/tests/fixtures/v2-quick.json");
}

/// A fresh folder for one test.
fn tmp(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Good files and every kind of bad one, in a folder of their own so that messages name them by a
/// short relative path.
fn bad_batch(name: &str) -> PathBuf {
    let dir = tmp(name);
    std::fs::write(dir.join("1-good-v2.json"), format::export(&v2_full())).unwrap();
    std::fs::write(dir.join("2-not-json.json"), "Maire: Mme Dupont\n").unwrap();
    std::fs::write(
        dir.join("3-other-format.json"),
        r#"{"format":"geojson","type":"Feature"}"#,
    )
    .unwrap();
    let newer = format::export(&v2_quick()).replace("\"version\": 2", "\"version\": 3");
    std::fs::write(dir.join("4-newer.json"), newer).unwrap();
    // One byte over the format's limit: refused by its size, before it is read.
    std::fs::write(
        dir.join("5-too-large.json"),
        vec![b' '; format::MAX_DOCUMENT_BYTES + 1],
    )
    .unwrap();
    let invalid = format::export(&v2_quick()).replace("\"level\": 4", "\"level\": 9");
    std::fs::write(dir.join("6-invalid.json"), invalid).unwrap();
    std::fs::copy(root().join(V1[2]), dir.join("7-good-v1.json")).unwrap();
    dir
}

const BATCH: [&str; 8] = [
    "1-good-v2.json",
    "2-not-json.json",
    "3-other-format.json",
    "4-newer.json",
    "5-too-large.json",
    "6-invalid.json",
    "missing.json",
    "7-good-v1.json",
];

fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_autodiag"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

#[test]
fn bad_files_are_listed_with_their_reason_and_never_stop_the_others() {
    let dir = bad_batch("bad-batch");
    for (lang, suffix) in [("fr", "fr"), ("en", "en")] {
        let out = run_in(&dir, &args(&["validate", "--lang", lang], &BATCH));
        assert_eq!(out.status.code(), Some(1));
        golden(
            &format!("bad-batch.stderr.{suffix}.txt"),
            &text(&out.stderr),
        );
        let stdout = text(&out.stdout);
        assert!(stdout.contains("1-good-v2.json") && stdout.contains("7-good-v1.json"));
        assert_eq!(stdout.lines().count(), 2);
    }
    let out = run_in(&dir, &args(&["validate", "--json", "--lang", "en"], &BATCH));
    assert_eq!(out.status.code(), Some(1));
    golden("bad-batch.json", &text(&out.stdout));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let oks: Vec<bool> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["ok"].as_bool().unwrap())
        .collect();
    assert_eq!(oks, [true, false, false, false, false, false, false, true]);
    assert!(v[3]["error"].as_str().unwrap().contains("newer version"));
    assert!(v[4]["error"].as_str().unwrap().contains("too large"));
    assert!(v[5]["error"]
        .as_str()
        .unwrap()
        .starts_with("areas.education.level: 9"));

    // Every command goes on past the bad files, lists the same ones, and exits 1.
    let stderr_of = |out: &std::process::Output| {
        text(&out.stderr)
            .lines()
            .map(|l| l.split(':').next().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let refused = [
        "2-not-json.json",
        "3-other-format.json",
        "4-newer.json",
        "5-too-large.json",
        "6-invalid.json",
        "missing.json",
        "files read",
    ];
    let out = run_in(
        &dir,
        &args(&["table", "--lang", "en", "-o", "answers.csv"], &BATCH),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr_of(&out), refused);
    let csv = std::fs::read_to_string(dir.join("answers.csv")).unwrap();
    assert_eq!(csv.lines().count(), 1 + 52 + 18);
    for command in ["merge", "summary"] {
        let out = run_in(&dir, &args(&[command, "--json", "--lang", "en"], &BATCH));
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(stderr_of(&out), refused);
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["files"], 2);
    }
}

#[test]
fn a_folder_stands_for_its_json_files_in_name_order() {
    let dir = bad_batch("folder");
    std::fs::create_dir_all(dir.join("sub.json")).unwrap();
    std::fs::write(dir.join("notes.txt"), "not read").unwrap();
    let out = run(&["validate", "--json", dir.to_str().unwrap()]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap().rsplit('/').next().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "1-good-v2.json",
            "2-not-json.json",
            "3-other-format.json",
            "4-newer.json",
            "5-too-large.json",
            "6-invalid.json",
            "7-good-v1.json"
        ]
    );
}

#[test]
fn the_same_assessment_twice_is_counted_twice_and_said() {
    let out = run(&["summary", V1[2], V1[2]]);
    assert_eq!(out.status.code(), Some(0));
    let err = text(&out.stderr);
    assert!(
        err.starts_with(&format!("{}\u{a0}: Même identifiant que {}", V1[2], V1[2])),
        "{err}"
    );
}

#[test]
fn many_files_without_a_terminal_show_no_progress_bar() {
    let dir = tmp("many");
    let mut files = Vec::new();
    for i in 0..250u64 {
        let name = format!("{i:03}.json");
        std::fs::write(dir.join(&name), format::export(&varied(i))).unwrap();
        files.push(name);
    }
    let names: Vec<&str> = files.iter().map(String::as_str).collect();
    let out = run_in(&dir, &args(&["validate"], &names));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stderr),
        "fichiers lus\u{a0}: 250\u{202f}; refusés\u{a0}: 0\n"
    );
    // Results come back in the order given, whatever thread read them.
    let listed: Vec<String> = text(&out.stdout)
        .lines()
        .map(|l| l.split('\u{a0}').next().unwrap().to_string())
        .collect();
    assert_eq!(listed, files);
    // The machine CSV of varied files reads back whole.
    let out = run_in(&dir, &args(&["table"], &names));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let n = reader.records().map(Result::unwrap).count();
    let expected: usize = (0..250)
        .map(|i| match varied(i).mode {
            Mode::Quick => 18,
            Mode::Full => 52,
        })
        .sum();
    assert_eq!(n, expected);
}

#[test]
fn usage_errors_exit_2_in_the_chosen_language() {
    for (args, fr) in [
        (&[][..], "il manque la commande"),
        (
            &["frobnicate", "a.json"][..],
            "commande inconnue\u{a0}: frobnicate",
        ),
        (&["validate"][..], "aucun fichier"),
        (
            &["validate", "--lang", "de", "a.json"][..],
            "--lang attend fr ou en",
        ),
        (
            &["validate", "--colour", "a.json"][..],
            "option inconnue\u{a0}: --colour",
        ),
        (
            &["table", "--json", "a.json"][..],
            "--json ne s’applique pas à table",
        ),
        (
            &["merge", "-o", "x.csv", "a.json"][..],
            "-o ne s’applique qu’à table",
        ),
        (&["table", "a.json", "-o"][..], "il manque la valeur de -o"),
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert!(err.starts_with("autodiag\u{a0}: "), "{err}");
        assert!(err.contains(fr), "{args:?}: {err}");
        assert!(err.contains("autodiag --help"));
        assert!(out.stdout.is_empty());
    }
    // The language given anywhere on the line, even after the mistake.
    let out = run(&["validate", "--colour", "a.json", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("autodiag: unknown option: --colour"));
}

#[test]
fn help_and_version() {
    let out = run(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("autodiag validate FICHIERS…"));
    let out = run(&["help", "--lang", "en"]);
    assert!(text(&out.stdout).contains("autodiag table FILES… [-o answers.csv]"));
    let out = run(&["--version"]);
    assert_eq!(
        text(&out.stdout),
        format!("autodiag {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn an_output_that_cannot_be_written_exits_2_before_reading() {
    let out = run(&["table", "-o", "/no/such/folder/answers.csv", V1[0]]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr)
        .starts_with("autodiag\u{a0}: impossible d’écrire /no/such/folder/answers.csv"));
}

/// Runs `autodiag` in `dir` with arguments that need not be UTF-8, and fails rather than hangs
/// when it has not ended within 20 s (a named pipe once made every command wait forever).
fn run_os(dir: &Path, args: &[&std::ffi::OsStr]) -> std::process::Output {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_autodiag"))
        .args(args)
        .current_dir(dir)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(20) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("autodiag {args:?} still running after 20 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    child.wait_with_output().unwrap()
}

fn os<'a>(args: &'a [&'a str]) -> Vec<&'a std::ffi::OsStr> {
    args.iter().map(std::ffi::OsStr::new).collect()
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only reads it.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_a_device_or_a_socket_is_refused_never_opened() {
    let dir = tmp("special");
    let exports = dir.join("exports");
    std::fs::create_dir(&exports).unwrap();
    std::fs::write(exports.join("1-good.json"), format::export(&v2_quick())).unwrap();
    mkfifo(&exports.join("2-pipe.json"));
    let _socket = std::os::unix::net::UnixListener::bind(exports.join("3-socket.json")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", exports.join("4-device.json")).unwrap();
    // In a folder: each is one refused input among the others, for every command.
    let out = run_os(&dir, &os(&["validate", "--lang", "en", "exports"]));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "exports/2-pipe.json: A named pipe (FIFO), not a file: it is not opened.\n\
         exports/3-socket.json: A socket, not a file: it is not opened.\n\
         exports/4-device.json: A device, not a file: it is not opened.\n\
         files read: 1; refused: 3\n"
    );
    assert_eq!(text(&out.stdout).lines().count(), 1);
    for command in ["merge", "summary", "table"] {
        let out = run_os(&dir, &os(&[command, "--lang", "en", "exports"]));
        assert_eq!(out.status.code(), Some(1), "{command}");
        assert!(
            text(&out.stderr).ends_with("files read: 1; refused: 3\n"),
            "{command}"
        );
    }
    // Given by name, in French.
    let out = run_os(&dir, &os(&["validate", "exports/2-pipe.json", "/dev/null"]));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "exports/2-pipe.json\u{a0}: C’est un tube nommé (FIFO), pas un fichier\u{a0}: il n’est \
         pas ouvert.\n\
         /dev/null\u{a0}: C’est un périphérique, pas un fichier\u{a0}: il n’est pas ouvert.\n\
         fichiers lus\u{a0}: 0\u{202f}; refusés\u{a0}: 2\n"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn names_that_are_not_utf8_are_read_and_shown_escaped() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tmp("names");
    let exports = dir.join("exports");
    std::fs::create_dir(&exports).unwrap();
    let export = format::export(&v2_quick());
    // Latin-1 "café", a line feed and a backslash: every one shown on one line, unambiguous.
    for name in [&b"caf\xe9.json"[..], b"new\nline.json", b"plain.json"] {
        std::fs::write(exports.join(OsStr::from_bytes(name)), &export).unwrap();
    }
    std::fs::write(exports.join("back\\slash.json"), &export).unwrap();
    let out = run_os(&dir, &os(&["validate", "--lang", "en", "exports"]));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "files read: 4; refused: 0\n");
    let valid = ": valid (format 2, quick mode) – Syndicat \"Eau, Forêts\"\n";
    assert_eq!(
        text(&out.stdout),
        [
            "exports/back\\slash.json",
            "exports/caf\\xe9.json",
            "exports/new\\nline.json",
            "exports/plain.json",
        ]
        .map(|f| format!("{f}{valid}"))
        .concat()
    );
    // Given by name: read, and the same escaped name in JSON and in the machine CSV.
    let latin1 = exports.join(OsStr::from_bytes(b"caf\xe9.json"));
    let out = run_os(
        &dir,
        &[
            OsStr::new("validate"),
            OsStr::new("--json"),
            latin1.as_os_str(),
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["file"], format!("{}/caf\\xe9.json", exports.display()));
    let out = run_os(&dir, &[OsStr::new("table"), OsStr::new("exports")]);
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let files: std::collections::BTreeSet<String> = reader
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    assert_eq!(
        files.into_iter().collect::<Vec<_>>(),
        [
            "exports/back\\slash.json",
            "exports/caf\\xe9.json",
            "exports/new\\nline.json",
            "exports/plain.json"
        ]
    );
    // A missing one is refused by its own name, not by a lossy copy of it.
    let out = run_os(
        &dir,
        &[
            OsStr::new("validate"),
            OsStr::from_bytes(b"gone-\xff\xfe.json"),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "gone-\\xff\\xfe.json\u{a0}: Fichier introuvable.\n\
         fichiers lus\u{a0}: 0\u{202f}; refusés\u{a0}: 1\n"
    );
}

#[test]
fn the_output_is_never_one_of_the_inputs() {
    let dir = tmp("output-input");
    let export = format::export(&v2_quick());
    std::fs::create_dir(dir.join("exports")).unwrap();
    for f in ["exports/1.json", "exports/2.json", "export.txt"] {
        std::fs::write(dir.join(f), &export).unwrap();
    }
    let unchanged = |f: &str| assert_eq!(std::fs::read_to_string(dir.join(f)).unwrap(), export);
    // `-o exports/*.json`: the shell gives -o the first export, and the others as inputs.
    let out = run_in(&dir, &["table", "-o", "exports/1.json", "exports/2.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "autodiag\u{a0}: -o exports/1.json\u{a0}: table écrit du CSV, pas un fichier .json (un \
         motif tel que exports/*.json donne à -o le premier de ses fichiers, qui serait \
         écrasé).\nVoir «\u{a0}autodiag --help\u{a0}».\n"
    );
    unchanged("exports/1.json");
    // The same file by another name, or the same path.
    let out = run_in(
        &dir,
        &[
            "table",
            "--lang",
            "en",
            "exports",
            "export.txt",
            "-o",
            "./export.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "autodiag: -o ./export.txt is also a file to read: the table would overwrite it.\n\
         See “autodiag --help”.\n"
    );
    assert!(out.stdout.is_empty());
    unchanged("export.txt");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("export.txt", dir.join("link.csv")).unwrap();
        std::fs::hard_link(dir.join("exports/2.json"), dir.join("hard.csv")).unwrap();
        for (input, output) in [("export.txt", "link.csv"), ("exports", "hard.csv")] {
            let out = run_in(&dir, &["table", "--lang", "en", input, "-o", output]);
            assert_eq!(out.status.code(), Some(2), "{output}");
            assert!(text(&out.stderr).contains("is also a file to read"));
        }
        unchanged("export.txt");
        unchanged("exports/2.json");
    }
}

#[cfg(unix)]
#[test]
fn the_output_is_replaced_only_when_complete() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    use std::os::unix::process::CommandExt;
    let dir = tmp("output-whole");
    std::fs::write(dir.join("answers.csv"), "previous\n").unwrap();
    std::fs::set_permissions(
        dir.join("answers.csv"),
        std::fs::Permissions::from_mode(0o640),
    )
    .unwrap();
    let files: Vec<String> = fixtures()
        .iter()
        .map(|f| root().join(f).to_string_lossy().into_owned())
        .collect();
    let table = |extra: &[&str]| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_autodiag"));
        c.arg("table").args(extra).args(&files).current_dir(&dir);
        c
    };
    // Files may not grow past 4 kB: the CSV fails to be written part way.
    let mut limited = table(&["-o", "answers.csv"]);
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        limited.pre_exec(|| {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let limit = libc::rlimit {
                rlim_cur: 4096,
                rlim_max: 4096,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let out = limited.output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("autodiag\u{a0}: impossible d’écrire answers.csv\u{a0}: "),
        "{}",
        text(&out.stderr)
    );
    // The previous output is whole, and no temporary file is left.
    assert_eq!(
        std::fs::read_to_string(dir.join("answers.csv")).unwrap(),
        "previous\n"
    );
    let names = |d: &Path| -> Vec<String> {
        let mut n: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        n.sort();
        n
    };
    assert_eq!(names(&dir), ["answers.csv"]);
    // Complete: it takes the old file's place and permissions.
    let out = table(&["-o", "answers.csv"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let on_stdout = table(&[]).output().unwrap().stdout;
    assert_eq!(std::fs::read(dir.join("answers.csv")).unwrap(), on_stdout);
    assert_eq!(names(&dir), ["answers.csv"]);
    let mode = std::fs::metadata(dir.join("answers.csv"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o640);
    // Through a symbolic link: the file it points to is replaced, the link stays a link.
    std::fs::create_dir(dir.join("real")).unwrap();
    std::fs::write(dir.join("real/answers.csv"), "previous\n").unwrap();
    std::os::unix::fs::symlink("real/answers.csv", dir.join("link.csv")).unwrap();
    let out = table(&["-o", "link.csv"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(std::fs::symlink_metadata(dir.join("link.csv"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(
        std::fs::read(dir.join("real/answers.csv")).unwrap(),
        on_stdout
    );
    assert_eq!(names(&dir.join("real")), ["answers.csv"]);
    // A device is written to, never replaced.
    let out = table(&["-o", "/dev/null"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(std::fs::metadata("/dev/null")
        .unwrap()
        .file_type()
        .is_char_device());
}

#[cfg(unix)]
#[test]
fn a_folder_that_cannot_be_listed_is_one_refused_input() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    // Root lists any folder: as root, the binary runs as `nobody`, from a folder of the system's
    // temporary directory that `nobody` can reach (the target directory may be private).
    let base = std::env::temp_dir().join(format!("autodiag-unlisted-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    std::fs::create_dir(&base).unwrap();
    /// Removes the folder however the test ends.
    struct Cleanup(PathBuf);
    impl Drop for Cleanup {
        fn drop(&mut self) {
            let locked = self.0.join("locked");
            let _ = std::fs::set_permissions(locked, std::fs::Permissions::from_mode(0o755));
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
    let _cleanup = Cleanup(base.clone());
    std::fs::set_permissions(&base, std::fs::Permissions::from_mode(0o755)).unwrap();
    let export = format::export(&v2_quick());
    std::fs::write(base.join("good.json"), &export).unwrap();
    std::fs::create_dir(base.join("locked")).unwrap();
    std::fs::write(base.join("locked/hidden.json"), &export).unwrap();
    std::fs::set_permissions(base.join("locked"), std::fs::Permissions::from_mode(0o000)).unwrap();
    let privileged = std::fs::read_dir(base.join("locked")).is_ok();
    let binary = if privileged {
        let copy = base.join("autodiag");
        std::fs::copy(env!("CARGO_BIN_EXE_autodiag"), &copy).unwrap();
        std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o755)).unwrap();
        copy
    } else {
        PathBuf::from(env!("CARGO_BIN_EXE_autodiag"))
    };
    let run_as = |args: &[&str]| {
        let mut c = std::process::Command::new(&binary);
        c.args(args).current_dir(&base);
        if privileged {
            c.uid(65534).gid(65534);
        }
        // The copy may still be open for writing in a child that another test forked meanwhile
        // (Linux then refuses to run it: "text file busy") until that child execs; try again.
        let mut tries = 0;
        loop {
            match c.output() {
                Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy && tries < 100 => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                result => break result.unwrap(),
            }
        }
    };
    let out = run_as(&["validate", "--lang", "en", "locked", "good.json"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr),
        "locked: Cannot list this folder (permissions).\nfiles read: 1; refused: 1\n"
    );
    assert!(text(&out.stdout).starts_with("good.json: valid"));
    let out = run_as(&["validate", "--json", "locked", "good.json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v[0],
        serde_json::json!({"file": "locked", "ok": false,
                "error": "Impossible de lister ce dossier (droits d’accès)."})
    );
    assert_eq!(v[1]["ok"], true);
    for command in ["merge", "summary", "table"] {
        let out = run_as(&[command, "--lang", "en", "locked", "good.json"]);
        assert_eq!(out.status.code(), Some(1), "{command}");
        assert_eq!(
            text(&out.stderr),
            "locked: Cannot list this folder (permissions).\nfiles read: 1; refused: 1\n",
            "{command}"
        );
    }
}

#[test]
fn messages_say_what_is_wrong_with_a_file() {
    let dir = tmp("messages");
    let export = format::export(&v2_quick());
    let write = |name: &str, text: String| std::fs::write(dir.join(name), text).unwrap();
    write(
        "1-version.json",
        export.replace("\"version\": 2", "\"version\": 18446744073709551616"),
    );
    write(
        "2-minus-zero.json",
        export.replacen("\"level\": 0", "\"level\": -0", 1),
    );
    write(
        "3-deep.json",
        export.replacen(
            "\"format\"",
            &format!(
                "\"deep\": {}{}, \"format\"",
                "[".repeat(300),
                "]".repeat(300)
            ),
            1,
        ),
    );
    let out = run_in(&dir, &["validate", "--lang", "en", "."]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "./1-version.json: This file was made by a newer version of the tool. Update the tool to \
         open it.\n\
         ./2-minus-zero.json: areas.governance.level: -0 is not a level (0–4, \"na\", \
         \"unknown\")\n\
         ./3-deep.json: This file is not a readable self-assessment export: its JSON is nested \
         too deeply (more than 127 levels, line 2, column 137).\n\
         files read: 0; refused: 3\n"
    );
}
