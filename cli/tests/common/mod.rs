//! What the command line's tests share: running the binary, and assessments made through the
//! core, varied but the same on every run.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use autodiag_core::content::{indicators_of, N_AREAS};
use autodiag_core::i18n::Lang;
use autodiag_core::model::*;

/// The repository's root: paths in golden outputs are relative to it.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("cli/ is inside the repository")
        .to_path_buf()
}

/// Runs `autodiag` with `args` from the repository's root.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_autodiag"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the binary runs")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// A small deterministic generator (xorshift64*): varied answers, the same on every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    pub fn pick<T: Copy>(&mut self, from: &[T]) -> T {
        from[self.below(from.len() as u64) as usize]
    }
}

const TOWNS: [&str; 8] = [
    "Commune de Saint-Exemple",
    "Communauté de communes du Val d’Essai",
    "Ville de Montréjeau-sur-Test",
    "Town of Example",
    "Syndicat \"Eau, Forêts\"",
    "Commune d’Œuvre",
    "Pays de Brocéliande",
    "Métropole de Démo",
];

/// A participant's assessment, varied by `seed`: either mode, every kind of answer (levels,
/// "n/a", "don't know", unanswered, out of scope), targets, holders, requirements, indicators,
/// notes and actions in full mode.
pub fn varied(seed: u64) -> Assessment {
    let mut r = Rng::new(seed);
    let mut id = [0u8; 16];
    for b in &mut id {
        *b = r.next() as u8;
    }
    let mode = if r.below(3) == 0 {
        Mode::Quick
    } else {
        Mode::Full
    };
    let day = 1 + r.below(28);
    let now = format!(
        "2026-{:02}-{day:02}T10:{:02}:00.000Z",
        1 + r.below(12),
        r.below(60)
    );
    let lang = if r.below(4) == 0 { Lang::En } else { Lang::Fr };
    let mut a = Assessment::new(uuid_v4(id), now, lang, mode, r.pick(&TOWNS).into());
    a.revision = r.below(40);
    let level = |r: &mut Rng| -> Option<Answer> {
        match r.below(9) {
            0 => None,
            1 => Some(Answer::Na),
            2 => Some(Answer::Unknown),
            v => Level::new((v % 5) as u8).map(Answer::Level),
        }
    };
    for p in &mut a.purposes {
        p.priority = match r.below(4) {
            0 => None,
            v => Priority::ALL.get(v as usize - 1).copied(),
        };
    }
    for (i, area) in a.areas.iter_mut().enumerate() {
        area.in_scope = r.below(10) != 0;
        area.level = level(&mut r);
        if mode == Mode::Full {
            area.target = (r.below(2) == 0)
                .then(|| Level::new(r.below(5) as u8))
                .flatten();
            area.holder = (r.below(2) == 0).then(|| r.pick(Holder::ALL));
            area.notes =
                format!("Notes de l’atelier n° {seed} sur ce domaine, avec des « guillemets ».");
            if r.below(3) == 0 {
                area.actions.push(PlannedAction {
                    title: "Réunir les partenaires".into(),
                    owner: "DGS".into(),
                    due: Some("2027-06-30".into()),
                });
            }
            for (k, _) in indicators_of(i).iter().enumerate() {
                if r.below(4) == 0 {
                    area.followed[k] = Some(Followed {
                        value: r.below(100).to_string(),
                        unit: "%".into(),
                        year: Some(2025),
                    });
                }
            }
        }
    }
    if mode == Mode::Full {
        a.community.date = (r.below(2) == 0).then(|| format!("2026-11-{day:02}"));
        a.community.participants = "Maire, adjoints, DGS".into();
        for c in &mut a.clauses {
            c.level = level(&mut r);
        }
        for q in &mut a.requirements {
            q.met = match r.below(6) {
                0 => None,
                v => Met::ALL.get(v as usize - 1).copied(),
            };
            if r.below(3) == 0 {
                q.evidence = "Délibération du conseil".into();
            }
        }
    }
    debug_assert_eq!(a.areas.len(), N_AREAS);
    a
}
