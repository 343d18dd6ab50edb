//! Benchmarks, not tests of behaviour. The first writes 10,000 varied exports through the core,
//! then times every command on all of them; the second pushes 100,000 small exports, each naming
//! its own community (the worst case for counting names), through every command, and tells each
//! one's time and peak memory (through GNU `/usr/bin/time` when the machine has it). Run them in
//! release mode (the binary is built with the test's profile):
//!
//! ```sh
//! cargo test --release -p autodiag-cli --test bench -- --ignored --nocapture
//! ```
//!
//! The goal is under 2 s for each command on 10,000 files on a 2-core machine, and on 100,000 small
//! files `merge` in about the time of `validate` and in tens of MiB (it took minutes and over
//! 600 MiB when it kept every file and searched a list of names). CPU times are given too: on a
//! shared machine they vary less than the wall time. `AUTODIAG_BENCH_KEEP=1` keeps the
//! files (in the target directory's `tmp/bench-10000/` and `tmp/bench-100000/`), to profile a
//! command on them.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use autodiag_core::format;
use autodiag_core::i18n::Lang;
use autodiag_core::model::{uuid_v4, Answer, Assessment, Level, Mode, Priority};
use common::{varied, Rng};

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

const MANY: usize = 100_000;

/// A small quick assessment (about 1.5 kB exported) whose community is named after `i` alone.
fn small(i: usize) -> Assessment {
    let mut r = Rng::new(i as u64);
    let mut id = [0u8; 16];
    for b in &mut id {
        *b = r.next() as u8;
    }
    let mut a = Assessment::new(
        uuid_v4(id),
        "2026-11-30T09:00:00.000Z".into(),
        Lang::Fr,
        Mode::Quick,
        format!("Commune n° {i:06}"),
    );
    for p in &mut a.purposes {
        p.priority = Some(r.pick(Priority::ALL));
    }
    for area in &mut a.areas {
        area.level = Level::new(r.below(5) as u8).map(Answer::Level);
    }
    a
}

/// Runs `autodiag args`, through GNU time when there is one; returns the wall time and, when
/// known, GNU time's user and system CPU seconds and peak resident memory in KiB.
fn measure(args: &[&std::ffi::OsStr], stats: &std::path::Path) -> (Duration, Option<String>) {
    let gnu_time = std::path::Path::new("/usr/bin/time");
    let mut command = if gnu_time.exists() {
        let mut c = Command::new(gnu_time);
        c.arg("-f").arg("%U %S %M").arg("-o").arg(stats);
        c.arg(env!("CARGO_BIN_EXE_autodiag"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_autodiag"))
    };
    let start = Instant::now();
    let out = command.args(args).output().expect("the binary runs");
    let took = start.elapsed();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cpu_and_peak = gnu_time
        .exists()
        .then(|| std::fs::read_to_string(stats).ok())
        .flatten()
        .and_then(|s| {
            let f: Vec<f64> = s
                .lines()
                .last()?
                .split_whitespace()
                .map(|n| n.parse().ok())
                .collect::<Option<_>>()?;
            let [user, sys, kib] = f[..] else {
                return None;
            };
            Some(format!(
                "{user:.2} s user + {sys:.2} s system, peak {:.0} MiB",
                kib / 1024.0
            ))
        });
    (took, cpu_and_peak)
}

#[test]
#[ignore = "a benchmark: run it in release mode, see the top of this file"]
fn every_command_on_a_hundred_thousand_small_files() {
    let base = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-100000");
    let _ = std::fs::remove_dir_all(&base);
    // The folder is given, not 100,000 names: they would not fit in a command line.
    let dir = base.join("exports");
    std::fs::create_dir_all(&dir).unwrap();
    let mut bytes = 0;
    for i in 0..MANY {
        let json = format::export(&small(i));
        bytes += json.len();
        std::fs::write(dir.join(format!("export-{i:06}.json")), json).unwrap();
    }
    println!(
        "{MANY} small files, {:.1} MB, {} build",
        bytes as f64 / 1e6,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    let csv = base.join("answers.csv");
    let stats = base.join("time.txt");
    for (name, args) in [
        ("validate", vec!["validate".as_ref(), dir.as_os_str()]),
        ("merge", vec!["merge".as_ref(), dir.as_os_str()]),
        (
            "table -o answers.csv",
            vec![
                "table".as_ref(),
                "-o".as_ref(),
                csv.as_os_str(),
                dir.as_os_str(),
            ],
        ),
        ("summary", vec!["summary".as_ref(), dir.as_os_str()]),
    ] {
        let (took, cpu_and_peak) = measure(&args, &stats);
        let cpu_and_peak = cpu_and_peak.unwrap_or_else(|| "peak memory unknown".into());
        println!(
            "autodiag {name}: {:.2} s ({cpu_and_peak})",
            took.as_secs_f64()
        );
    }
    let rows = std::fs::read_to_string(&csv).unwrap().lines().count();
    assert_eq!(rows, 1 + MANY * 18);
    if std::env::var_os("AUTODIAG_BENCH_KEEP").is_none() {
        let _ = std::fs::remove_dir_all(&base);
    }
}
