//! Benchmark, not a test of behaviour: writes 10,000 varied exports through the core, then times
//! `autodiag validate` and `autodiag table` on all of them. Run it in release mode (the binary is
//! built with the test's profile):
//!
//! ```sh
//! cargo test --release -p autodiag-cli --test bench -- --ignored --nocapture
//! ```
//!
//! The goal is under 2 s for each command on a 2-core machine. `AUTODIAG_BENCH_KEEP=1` keeps the
//! files (in the target directory's `tmp/bench-10000/`), to profile a command on them.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use autodiag_core::format;
use common::varied;

const FILES: usize = 10_000;

fn time(args: &[String]) -> Duration {
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_autodiag"))
        .args(args)
        .output()
        .expect("the binary runs");
    let took = start.elapsed();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    took
}

#[test]
#[ignore = "a benchmark: run it in release mode, see the top of this file"]
fn validate_and_table_on_ten_thousand_files() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-10000");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = Vec::with_capacity(FILES);
    let mut bytes = 0;
    for i in 0..FILES {
        let path = dir.join(format!("export-{i:05}.json"));
        let json = format::export(&varied(i as u64));
        bytes += json.len();
        std::fs::write(&path, json).unwrap();
        files.push(path.to_string_lossy().into_owned());
    }
    let csv = dir.join("answers.csv").to_string_lossy().into_owned();
    let args = |command: &str, extra: &[&str]| -> Vec<String> {
        std::iter::once(command.to_string())
            .chain(extra.iter().map(|s| s.to_string()))
            .chain(files.iter().cloned())
            .collect()
    };
    println!(
        "{FILES} files, {:.1} MB, {} build",
        bytes as f64 / 1e6,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    // The second of three runs: the files are in the page cache, as after any first look.
    for (name, a) in [
        ("validate", args("validate", &[])),
        ("validate --json", args("validate", &["--json"])),
        ("table -o answers.csv", args("table", &["-o", &csv])),
        ("summary", args("summary", &[])),
        ("merge", args("merge", &[])),
    ] {
        let mut runs: Vec<Duration> = (0..3).map(|_| time(&a)).collect();
        runs.sort();
        println!(
            "autodiag {name}: {:.2} s (median of 3)",
            runs[1].as_secs_f64()
        );
    }
    let rows = std::fs::read_to_string(&csv).unwrap().lines().count();
    println!("answers.csv: {rows} lines");
    if std::env::var_os("AUTODIAG_BENCH_KEEP").is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
}
