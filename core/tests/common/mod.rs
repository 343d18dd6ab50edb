//! Builders shared by the native test files.
#![allow(dead_code)]

use autodiag_core::content::{area_index, clause_index, purpose_index, N_PURPOSES};
use autodiag_core::i18n::Lang;
use autodiag_core::model::*;

pub const ID: &str = "3b0c6c1e-8f0a-4a8e-9d61-2f0f4b1a7c55";
pub const NOW: &str = "2026-11-28T20:15:00Z";

pub fn blank(mode: Mode) -> Assessment {
    Assessment::new(
        ID.into(),
        NOW.into(),
        Lang::Fr,
        mode,
        "Commune de Saint-Exemple".into(),
    )
}

pub fn level(v: u8) -> Option<Answer> {
    Some(Answer::Level(Level::new(v).unwrap()))
}

pub fn area<'a>(a: &'a mut Assessment, id: &str) -> &'a mut AreaAnswer {
    &mut a.areas[area_index(id).unwrap()]
}

pub fn clause<'a>(a: &'a mut Assessment, id: &str) -> &'a mut ClauseAnswer {
    &mut a.clauses[clause_index(id).unwrap()]
}

pub fn priority(a: &mut Assessment, id: &str, p: Priority) {
    a.purposes[purpose_index(id).unwrap()].priority = Some(p);
}

pub fn contributions(row: [u8; N_PURPOSES]) -> [Option<Contribution>; N_PURPOSES] {
    row.map(Contribution::new)
}
