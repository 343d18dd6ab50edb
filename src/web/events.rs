//! DOM events for the host page: a small public API, versioned by `detail.api`.
//!
//! | event                | when                                              |
//! |----------------------|---------------------------------------------------|
//! | `autodiag:started`   | a new assessment was created                      |
//! | `autodiag:progress`  | the number of answered items changed              |
//! | `autodiag:completed` | every item asked has an answer (once per reach)   |
//! | `autodiag:exported`  | a JSON copy was downloaded                        |
//!
//! They bubble and are `composed`, so they cross a shadow root. `detail` carries the summary
//! scores only, never names, notes or other free text (see [`summary`]).

use serde_json::{json, Value};

use crate::content::{AREAS, PURPOSES};
use crate::model::Assessment;
use crate::scoring::{self, Scores};

/// Version of the events' `detail`; grows with any change of meaning.
pub const API_VERSION: u32 = 1;

/// The `detail` of every event: ids, mode, progress and scores; no free text.
pub fn summary(a: &Assessment, s: &Scores) -> Value {
    let [plan, do_, check, act] = s.management.phases;
    let purposes: serde_json::Map<String, Value> = PURPOSES
        .iter()
        .zip(s.purposes)
        .map(|(p, v)| (p.id.to_string(), json!(v)))
        .collect();
    json!({
        "api": API_VERSION,
        "id": a.id,
        "mode": a.mode.id(),
        "language": a.language.id(),
        "answered": s.answered,
        "asked": s.asked,
        "completion": s.completion,
        "overall": s.overall,
        "management": { "overall": s.management.overall, "plan": plan, "do": do_, "check": check, "act": act },
        "purposes": purposes,
        "priorities": s.priorities.iter().map(|&i| AREAS[i].id).collect::<Vec<_>>(),
    })
}

/// Dispatches `autodiag:<name>` with the summary of `a` from `target`.
#[cfg(target_arch = "wasm32")]
pub fn emit(target: &web_sys::EventTarget, name: &str, a: &Assessment) {
    let detail = summary(a, &scoring::compute(a)).to_string();
    let Ok(detail) = js_sys::JSON::parse(&detail) else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) =
        web_sys::CustomEvent::new_with_event_init_dict(&format!("autodiag:{name}"), &init)
    {
        let _ = target.dispatch_event(&event);
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn emit(_: &web_sys::EventTarget, _: &str, a: &Assessment) {
    let _ = summary(a, &scoring::compute(a));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::Mode;

    #[test]
    fn the_summary_carries_scores_and_never_free_text() {
        let mut a = Assessment::new(
            "id-1".into(),
            "2026-11-28T20:15:00Z".into(),
            Lang::Fr,
            Mode::Full,
            "Commune secrète".into(),
        );
        a.areas[0].notes = "note privée".into();
        a.community.participants = "Mme Dupont".into();
        let text = summary(&a, &scoring::compute(&a)).to_string();
        for private in ["Commune secrète", "note privée", "Mme Dupont"] {
            assert!(!text.contains(private), "{private} leaked: {text}");
        }
        let v = summary(&a, &scoring::compute(&a));
        assert_eq!(v["api"], 1);
        // 6 priorities, 12 areas, 7 clauses, 27 requirements and 12 holders.
        assert_eq!(v["asked"], 64);
        assert_eq!(v["overall"], Value::Null);
    }
}
